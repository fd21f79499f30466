<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="+34"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Giao ban&lt;/b&gt; {version}</source>
        <translation>&lt;b&gt;Giao ban&lt;/b&gt; {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ghi các cuộc giao ban, các nội dung chỉ đạo và theo dõi, đôn đốc thực hiện. Dữ liệu nằm trong một tệp trên máy này.</source>
        <translation>Record giao ban meetings and their directives, and follow them up until they are carried out. The data is kept in one file on this computer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Phiên bản:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp dữ liệu:</source>
        <translation>Data file:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư mục sao lưu:</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="+29"/>
        <source>&amp;Giao ban mới…</source>
        <translation>&amp;New giao ban…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi một cuộc giao ban mới cùng các nội dung chỉ đạo</source>
        <translation>Record a new giao ban and its directives</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm &amp;nội dung…</source>
        <translation>Add &amp;directive…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm một nội dung chỉ đạo vào cuộc giao ban đang chọn</source>
        <translation>Add a directive to the selected giao ban</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sửa cuộc giao ban hoặc nội dung đang chọn</source>
        <translation>Edit the selected giao ban or directive</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Xóa…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xóa nội dung hoặc cuộc giao ban đang chọn (có hỏi lại)</source>
        <translation>Delete the selected directive or giao ban (asks first)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hoàn thành &amp;hôm nay</source>
        <translation>Done &amp;today</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đánh dấu các nội dung đang chọn đã hoàn thành hôm nay</source>
        <translation>Mark the selected directives done as of today</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hoàn &amp;thành…</source>
        <translation>Mark &amp;done…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi ngày hoàn thành và kết quả</source>
        <translation>Record the completion date and the result</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Mở lại</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chuyển các nội dung đang chọn về chưa hoàn thành</source>
        <translation>Set the selected directives back to not done</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hủy nội dung…</source>
        <translation>&amp;Cancel directive…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đánh dấu nội dung không còn phải thực hiện</source>
        <translation>Mark a directive as no longer to be carried out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm ghi chú &amp;tiến độ…</source>
        <translation>Add progress &amp;note…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi tiến độ một tổ chức vừa báo cáo</source>
        <translation>Record progress an organization has just reported</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gia hạn…</source>
        <translation>E&amp;xtend deadline…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lùi thời hạn sang quý sau, có ghi lý do</source>
        <translation>Move the deadline to a later quarter, with a reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập &amp;phiếu báo cáo…</source>
        <translation>Import &amp;report-back form…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đọc phiếu báo cáo (.xlsx) một tổ chức đã điền: xem trước rồi cập nhật</source>
        <translation>Read a report-back form (.xlsx) an organization filled in: preview, then update</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đính &amp;kèm tệp…</source>
        <translation>Attach &amp;file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đính kèm báo cáo của tổ chức (tối đa 25 MB) vào nội dung đang chọn</source>
        <translation>Attach an organization&apos;s report (up to 25 MB) to the selected directive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tìm</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tìm trong nội dung chỉ đạo</source>
        <translation>Search the directives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tải &amp;lại</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đọc lại dữ liệu từ tệp</source>
        <translation>Read the data from the file again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần &amp;đôn đốc</source>
        <translation>&amp;Chase list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung quá hạn và đến hạn trong quý này</source>
        <translation>Directives overdue or due this quarter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Giao ban</source>
        <translation>&amp;Giao ban</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cuộc giao ban đang chọn</source>
        <translation>The selected giao ban</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tất cả nội dung</source>
        <translation>&amp;All directives</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mọi nội dung chỉ đạo, có bộ lọc</source>
        <translation>Every directive, with filters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Danh sách theo dõi &amp;quý…</source>
        <translation>&amp;Quarterly follow-up list…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Báo cáo theo dõi, đôn đốc thực hiện trong một quý</source>
        <translation>Report on following up the directives of a quarter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung còn &amp;tồn đọng…</source>
        <translation>&amp;Open items…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mọi nội dung chưa hoàn thành, để rà soát trước cuộc giao ban tới</source>
        <translation>Every directive not yet done, to review before the next giao ban</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Công văn đôn đốc…</source>
        <translation>Reminder &amp;letters…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Công văn đôn đốc gửi các tổ chức: các nội dung chưa hoàn thành của quý</source>
        <translation>Reminder letters to the organizations: the quarter&apos;s directives not yet done</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổ &amp;chức…</source>
        <translation>&amp;Organizations…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thêm, đổi tên, sắp xếp, ngừng sử dụng tổ chức</source>
        <translation>Add, rename, reorder or deactivate organizations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thiết &amp;lập…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tỉnh, cơ quan ban hành, người ký và các thiết lập khác</source>
        <translation>Province, issuing body, signer and other settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nạp dữ liệu &amp;mẫu</source>
        <translation>Load &amp;sample data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thêm cuộc giao ban mẫu ngày 01/04/2021</source>
        <translation>Add the sample giao ban of 01/04/2021</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nhập từ Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhập nội dung chỉ đạo từ bảng Excel đang theo dõi (xem trước, sửa cột)</source>
        <translation>Import directives from the Excel tracker in use (preview, correct the columns)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Xuất Excel…</source>
        <translation>E&amp;xport to Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi mọi nội dung chỉ đạo ra một bảng Excel (mỗi dòng một nội dung)</source>
        <translation>Write every directive to an Excel workbook (one row per directive)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sao &amp;lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chép dữ liệu hiện tại vào thư mục sao lưu cạnh tệp dữ liệu</source>
        <translation>Copy the current data into the backup folder next to the data file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Khôi phục…</source>
        <translation>Res&amp;tore…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thay dữ liệu bằng một bản sao lưu (dữ liệu hiện tại được sao lưu trước)</source>
        <translation>Replace the data with a backup (the current data is backed up first)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kết nối máy &amp;chủ…</source>
        <translation>Connect to &amp;server…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dùng cơ sở dữ liệu chung trên máy chủ của cơ quan, hoặc quay về tệp</source>
        <translation>Use the office&apos;s shared database on its server, or go back to the file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đóng chương trình</source>
        <translation>Close the program</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Về chương trình Giao ban</source>
        <translation>About Giao ban</translation>
    </message>
</context>
<context>
    <name>AttachmentsSection</name>
    <message>
        <location filename="../../ui/views/attachments_section.py" line="+65"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tệp đính kèm của nội dung và của cuộc giao ban</source>
        <translation>Files attached to the directive and to its meeting</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cỡ</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thuộc</source>
        <translation>Attached to</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tệp đính kèm của cuộc giao ban</source>
        <translation>Attachments of the meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kéo thả tệp vào đây để đính kèm vào cuộc giao ban</source>
        <translation>Drop files here to attach them to the meeting</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thêm tệp…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm tệp vào cuộc giao ban</source>
        <translation>Attach files to the meeting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kéo thả tệp vào đây để đính kèm vào nội dung này</source>
        <translation>Drop files here to attach them to this directive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm tệp vào nội dung này</source>
        <translation>Attach files to this directive</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vào nội dung này (báo cáo của tổ chức)…</source>
        <translation>To this directive (an organization&apos;s report)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vào cuộc giao ban (thông báo kết luận)…</source>
        <translation>To the meeting (its conclusion notice)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tệp đính kèm đang chọn</source>
        <translation>Open the selected attachment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gỡ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gỡ tệp đính kèm đang chọn</source>
        <translation>Remove the selected attachment</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Nội dung</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giao ban</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} — {type}, đính kèm ngày {day}</source>
        <translation>{name} — {type}, attached on {day}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tệp đính &amp;kèm</source>
        <translation>Attach&amp;ments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp đính &amp;kèm ({n})</source>
        <translation>Attach&amp;ments ({n})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Chọn tệp đính kèm (tối đa 25 MB mỗi tệp)</source>
        <translation>Choose files to attach (up to 25 MB each)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Không mở &quot;{name}&quot;: đây là tệp chạy được như một chương trình, mở ra có thể gây hại cho máy.</source>
        <translation>&quot;{name}&quot; is not opened: it would run as a program, which could harm this computer.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Không tạo được bản sao tạm để mở tệp: {why}</source>
        <translation>Could not make the temporary copy to open the file: {why}</translation>
    </message>
</context>
<context>
    <name>ChaseModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/chase_model.py" line="+300"/>
        <source>%n nội dung, {late} quá hạn</source>
        <translation>
            <numerusform>%n directive, {late} overdue</numerusform>
            <numerusform>%n directives, {late} overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChasePage</name>
    <message>
        <location filename="../../ui/views/chase_page.py" line="+53"/>
        <source>Mỗi nội dung một dòng, kèm các tổ chức chưa xong</source>
        <translation>One row per directive, with the organizations not done yet</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Mỗi nội d&amp;ung một dòng</source>
        <translation>One row &amp;per directive</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Th&amp;eo từng tổ chức</source>
        <translation>By &amp;organization</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theo từng tổ chức, với trạng thái và kết quả của tổ chức đó</source>
        <translation>By organization, with that organization&apos;s own status and result</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xem:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nội dung cần đôn đốc, mỗi nội dung một dòng</source>
        <translation>Directives to chase, one row each</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/main_window/commands.py" line="+103"/>
        <source>Xóa cuộc giao ban</source>
        <translation>Delete giao ban</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Xóa cuộc giao ban ngày {day} cùng %n nội dung chỉ đạo của nó?</source>
        <translation>
            <numerusform>Delete the giao ban of {day} and its %n directive?</numerusform>
            <numerusform>Delete the giao ban of {day} and its %n directives?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+62"/>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+59"/>
        <source>Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Xóa nội dung chỉ đạo này cùng lịch sử theo dõi của nó?</source>
        <translation>Delete this directive and its follow-up history?</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Xóa %n nội dung chỉ đạo đang chọn cùng lịch sử theo dõi?</source>
        <translation>
            <numerusform>Delete the %n selected directive and its follow-up history?</numerusform>
            <numerusform>Delete the %n selected directives and their follow-up history?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Xóa nội dung chỉ đạo</source>
        <translation>Delete directives</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Mở lại</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+9"/>
        <source>Hủy nội dung</source>
        <translation>Cancel directives</translation>
    </message>
    <message numerus="yes">
        <location line="-7"/>
        <source>Đánh dấu %n nội dung đang chọn là đã hủy (không còn phải thực hiện)?</source>
        <translation>
            <numerusform>Mark the %n selected directive as cancelled (no longer to be carried out)?</numerusform>
            <numerusform>Mark the %n selected directives as cancelled (no longer to be carried out)?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Hủy nội dung</source>
        <translation>&amp;Cancel directives</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Nhập phiếu báo cáo của {name}</source>
        <translation>Import the report-back form of {name}</translation>
    </message>
</context>
<context>
    <name>ConnectServerDialog</name>
    <message>
        <location filename="../../ui/dialogs/connect_server.py" line="+127"/>
        <source>Mật khẩu máy chủ</source>
        <translation>Server password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu của {user} trên {host}:</source>
        <translation>Password of {user} on {host}:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kết nối máy chủ</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên hoặc địa chỉ máy chủ, ví dụ 10.0.0.5</source>
        <translation>Server name or address, e.g. 10.0.0.5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để trống nếu đã có tệp mật khẩu (pgpass)</source>
        <translation>Leave empty when a password file (pgpass) holds it</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Máy chủ:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ổng:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cơ sở dữ liệu:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Người dùng:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật &amp;khẩu:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mật khẩu chỉ dùng cho lần kết nối này, chương trình không lưu lại.</source>
        <translation>The password is used for this connection only; the program never stores it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Thử kết nối</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết nố&amp;i</source>
        <translation>Co&amp;nnect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dùng tệp trên máy này</source>
        <translation>Use the &amp;file on this computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>máy chủ</source>
        <translation>the server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tên cơ sở dữ liệu</source>
        <translation>the database name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người dùng</source>
        <translation>the user</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy nhập {what}.</source>
        <translation>Please enter {what}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cơ sở dữ liệu này đã có bảng khác, không phải của Giao ban.</source>
        <translation>This database already holds other tables, not Giao ban&apos;s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cơ sở dữ liệu được tạo bởi phiên bản Giao ban mới hơn; hãy cập nhật chương trình.</source>
        <translation>The database was made by a newer version of Giao ban; please update the program.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kết nối được. Cơ sở dữ liệu còn trống: sẽ được tạo khi kết nối.</source>
        <translation>Connected. The database is empty: it will be set up on connecting.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kết nối được cơ sở dữ liệu Giao ban.</source>
        <translation>Connected to a Giao ban database.</translation>
    </message>
</context>
<context>
    <name>CountLine</name>
    <message>
        <location filename="../../ui/main_window/count_line.py" line="+25"/>
        <source>Chưa có dữ liệu</source>
        <translation>No data yet</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n nội dung cần đôn đốc, {late} quá hạn</source>
        <translation>
            <numerusform>%n directive to chase, {late} overdue</numerusform>
            <numerusform>%n directives to chase, {late} overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n phần việc của {orgs} tổ chức cần đôn đốc, {late} quá hạn</source>
        <translation>
            <numerusform>%n task to chase (organizations: {orgs}, overdue: {late})</numerusform>
            <numerusform>%n tasks to chase (organizations: {orgs}, overdue: {late})</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đang hiện {shown} trong {total} nội dung</source>
        <translation>Showing {shown} of {total} directives</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln nội dung</source>
        <translation>
            <numerusform>%Ln directive</numerusform>
            <numerusform>%Ln directives</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/widgets/date_field.py" line="+43"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gõ ngày trước, tháng sau: &quot;01/04/2021&quot;, &quot;1-4-2021&quot; hoặc &quot;1/4&quot;. Alt+↓: lịch.</source>
        <translation>Day first, then month: &quot;01/04/2021&quot;, &quot;1-4-2021&quot; or &quot;1/4&quot;. Alt+↓: calendar.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/views/details_panel.py" line="+55"/>
        <source>Chi tiết nội dung chỉ đạo</source>
        <translation>Directive details</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nội dung chỉ đạo đầy đủ</source>
        <translation>Full text of the directive</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thời hạn và trạng thái</source>
        <translation>Deadline and status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Các cơ quan chủ trì, phối hợp và tiến độ</source>
        <translation>Lead and supporting organizations and their progress</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+28"/>
        <source>Tổ chức</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày hoàn thành</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tổ chức này đã &amp;xong</source>
        <translation>Organization &amp;done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đánh dấu tổ chức đang chọn đã hoàn thành</source>
        <translation>Mark the selected organization done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổ chức này &amp;chưa xong</source>
        <translation>Organization &amp;not done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở lại phần việc của tổ chức đang chọn</source>
        <translation>Reopen the selected organization&apos;s part</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gia hạn…</source>
        <translation>E&amp;xtend…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gia hạn thời hạn của nội dung này</source>
        <translation>Extend this directive&apos;s deadline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lịch sử theo dõi</source>
        <translation>Follow-up history</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diễn biến</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người ghi</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ghi chú tiến độ mới</source>
        <translation>New progress note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú tiến độ mới, Enter để lưu…</source>
        <translation>New progress note, Enter to save…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm &amp;ghi chú</source>
        <translation>Add &amp;note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm ghi chú tiến độ</source>
        <translation>Add a progress note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm ghi chú</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Lịch sử theo dõi</source>
        <translation>Fo&amp;llow-up history</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Chọn một nội dung để xem chi tiết và lịch sử theo dõi.</source>
        <translation>Select a directive to see its details and follow-up history.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n}. {content}</source>
        <translation>{n}. {content}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giao ban {day} · Thời hạn: {due} · Trạng thái: {status}</source>
        <translation>Giao ban of {day} · Deadline: {due} · Status: {status}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phối hợp</source>
        <translation>Support</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <location filename="../../ui/dialogs/directive.py" line="+67"/>
        <source>Thêm nội dung chỉ đạo</source>
        <translation>Add directive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sửa nội dung chỉ đạo</source>
        <translation>Edit directive</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan chủ trì</source>
        <translation>Lead organizations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan phối hợp</source>
        <translation>Supporting organizations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dấu cách: chọn hoặc bỏ chọn. Chọn một nhóm là chọn mọi tổ chức trong nhóm.</source>
        <translation>Space: select or deselect. Selecting a group selects every organization in it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chủ đề</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ví dụ: Bầu cử, Nông thôn mới</source>
        <translation>e.g. Bầu cử, Nông thôn mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ví dụ: &quot;Quý III-2021&quot;, &quot;Q3&quot; (năm của cuộc giao ban), &quot;6 tháng cuối năm&quot;, hoặc &quot;thường xuyên&quot; (&quot;tx&quot;) khi không có hạn.</source>
        <translation>e.g. &quot;Quý III-2021&quot;, &quot;Q3&quot; (the year of the giao ban), &quot;6 tháng cuối năm&quot;, or &quot;thường xuyên&quot; (&quot;tx&quot;) when there is no deadline.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Nội dung:</source>
        <translation>&amp;Content:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chủ trì:</source>
        <translation>&amp;Lead:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phối hợp:</source>
        <translation>Su&amp;pport:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thời hạn:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ đ&amp;ề:</source>
        <translation>&amp;Topics:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nội dung này đã được gia hạn (thời hạn ban đầu {original}). Sửa thời hạn ở đây là sửa lỗi nhập; muốn gia hạn tiếp, dùng Gia hạn.</source>
        <translation>This directive has been extended (original deadline {original}). Changing the deadline here corrects a typing mistake; to extend it again, use Extend deadline.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Hãy ghi nội dung chỉ đạo.</source>
        <translation>Please enter the directive.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hãy chọn ít nhất một cơ quan chủ trì.</source>
        <translation>Please choose at least one lead organization.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hãy ghi thời hạn, hoặc &quot;thường xuyên&quot; nếu không có hạn.</source>
        <translation>Please enter a deadline, or &quot;thường xuyên&quot; (standing) if there is none.</translation>
    </message>
</context>
<context>
    <name>DirectiveEntryModel</name>
    <message>
        <location filename="../../ui/models/directive_entry.py" line="+51"/>
        <source>Nội dung chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phối hợp</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ đề</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội dung kết luận, chỉ đạo</source>
        <translation>What was concluded or directed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan chủ trì: tên viết tắt hoặc tên nhóm, cách nhau bởi dấu phẩy</source>
        <translation>Lead organizations: short names or group names, separated by commas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cơ quan phối hợp (có thể bỏ trống)</source>
        <translation>Supporting organizations (may be left empty)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quý phải xong, ví dụ &quot;Quý III-2021&quot;; &quot;thường xuyên&quot; hoặc &quot;tx&quot; khi không có hạn</source>
        <translation>Quarter it is due, e.g. &quot;Quý III-2021&quot;; &quot;thường xuyên&quot; or &quot;tx&quot; when there is no deadline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chủ đề để lọc về sau (có thể bỏ trống), cách nhau bởi dấu phẩy</source>
        <translation>Topics to filter by later (may be left empty), separated by commas</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Hãy ghi nội dung chỉ đạo.</source>
        <translation>Please enter the directive.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hãy chọn cơ quan chủ trì.</source>
        <translation>Please choose a lead organization.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hãy ghi thời hạn.</source>
        <translation>Please enter a deadline.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Giống nội dung đang theo dõi #{id} của giao ban {title} ({day}): «{content}». Vẫn lưu được nếu đây là nội dung mới.</source>
        <translation>Resembles open directive #{id} of the giao ban {title} ({day}): «{content}». It can still be saved if it is a new one.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Dòng {row}: hãy ghi nội dung chỉ đạo.</source>
        <translation>Row {row}: please enter the directive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dòng {row}: hãy chọn cơ quan chủ trì.</source>
        <translation>Row {row}: please choose a lead organization.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dòng {row}: hãy ghi thời hạn.</source>
        <translation>Row {row}: please enter a deadline.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dòng {row}, cột {column}: {problem}</source>
        <translation>Row {row}, {column}: {problem}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Mặc định: quý của ngày giao ban ({quarter})</source>
        <translation>Default: the quarter of the giao ban ({quarter})</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../ui/dialogs/done.py" line="+65"/>
        <source>Đánh dấu hoàn thành</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngày hoàn thành</source>
        <translation>Date done</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cơ quan hoàn thành</source>
        <translation>Organization that finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tất cả cơ quan chủ trì</source>
        <translation>All lead organizations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} (đã hoàn thành {date})</source>
        <translation>{name} (done on {date})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} ({status})</source>
        <translation>{name} ({status})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kết quả thực hiện</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ví dụ: Đã tổ chức hội nghị triển khai ngày 15/4, có báo cáo số 25-BC/MTTQ.</source>
        <translation>e.g. Đã tổ chức hội nghị triển khai ngày 15/4, có báo cáo số 25-BC/MTTQ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đánh dấu &amp;hoàn thành</source>
        <translation>&amp;Mark done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Ngày hoàn thành:</source>
        <translation>&amp;Date done:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cơ quan:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kết quả:</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Các nội dung chỉ đạo đang chọn.</source>
        <translation>The selected directives.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ngày hoàn thành {date} chưa đến (hôm nay là {today}).</source>
        <translation>The date done, {date}, is in the future (today is {today}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ngày hoàn thành {date} trước ngày giao ban {held_on}.</source>
        <translation>The date done, {date}, is before the giao ban of {held_on}.</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../ui/dialogs/extend.py" line="+43"/>
        <source>Gia hạn</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thường xuyên (không có thời hạn để gia hạn)</source>
        <translation>Standing (no deadline to extend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{due} (đã gia hạn; ban đầu {original})</source>
        <translation>{due} (extended; originally {original})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thời hạn hiện tại</source>
        <translation>Current deadline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thời hạn mới</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do gia hạn</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ví dụ: Chờ hướng dẫn của Trung ương; đơn vị đề nghị lùi sang quý sau.</source>
        <translation>e.g. Chờ hướng dẫn của Trung ương; đơn vị đề nghị lùi sang quý sau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gia hạn</source>
        <translation>&amp;Extend</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thời hạn hiện tại:</source>
        <translation>Current deadline:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thời hạn &amp;mới:</source>
        <translation>&amp;New deadline:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nội dung thường xuyên không có thời hạn để gia hạn.</source>
        <translation>A standing directive has no deadline to extend.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Thời hạn mới phải sau {due}.</source>
        <translation>The new deadline must be later than {due}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy ghi lý do gia hạn.</source>
        <translation>Please give the reason for the extension.</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <location filename="../../ui/widgets/field_message.py" line="+26"/>
        <source>Thông báo lỗi</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+7"/>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/views/filter_bar.py" line="+26"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa hoàn thành</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lọc theo quý</source>
        <translation>Filter by quarter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kể cả &amp;chuyển từ quý trước</source>
        <translation>Include carried over from &amp;before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kể cả nội dung chuyển từ quý trước</source>
        <translation>Include directives carried over from earlier quarters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm các nội dung hạn ở quý trước nhưng chưa hoàn thành khi quý này bắt đầu</source>
        <translation>Also show directives due in an earlier quarter that were still not done when this quarter began</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lọc theo tổ chức</source>
        <translation>Filter by organization</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lọc theo trạng thái</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lọc theo chủ đề</source>
        <translation>Filter by topic</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tìm trong nội dung chỉ đạo</source>
        <translation>Search the directives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm nội dung (gõ không dấu cũng được)…</source>
        <translation>Search directives (diacritics optional)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quý:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tổ chức:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạn&amp;g thái:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ &amp;đề:</source>
        <translation>To&amp;pic:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>T&amp;ìm:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Mọi tổ chức</source>
        <translation>All organizations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} (ngừng)</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mọi chủ đề</source>
        <translation>All topics</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mọi quý</source>
        <translation>All quarters</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../ui/views/first_run_panel.py" line="+45"/>
        <source>Bắt đầu sử dụng</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa có cuộc giao ban nào</source>
        <translation>No giao ban recorded yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ghi lại cuộc giao ban đầu tiên cùng các nội dung chỉ đạo, rồi theo dõi, đôn đốc từng nội dung đến khi hoàn thành. Muốn xem thử trước, hãy nạp dữ liệu mẫu (giao ban ngày 01/04/2021).</source>
        <translation>Record the first giao ban with its directives, then follow each directive up until it is done. To try the program first, load the sample data (the giao ban of 01/04/2021).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Văn bản in ra</source>
        <translation>Printed documents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ví dụ: Nam Định</source>
        <translation>e.g. Nam Định</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In ở đầu mỗi văn bản. Sửa sau ở Công cụ ▸ Thiết lập… (người ký, nơi nhận…).</source>
        <translation>Printed at the head of every document. Change it later in Tools ▸ Settings… (signer, recipients…).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tỉnh:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan &amp;ban hành:</source>
        <translation>Issuing &amp;body:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Ghi cuộc giao ban đầu tiên…</source>
        <translation>&amp;Log the first giao ban…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi cuộc giao ban đầu tiên</source>
        <translation>Log the first giao ban</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nạp dữ liệu mẫu</source>
        <translation>Load &amp;sample data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nạp dữ liệu mẫu</source>
        <translation>Load sample data</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/widgets/form.py" line="+32"/>
        <source>Bỏ các nội dung đã nhập?</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các nội dung đã nhập chưa được lưu. Đóng cửa sổ và bỏ các nội dung này?</source>
        <translation>What you typed has not been saved. Close the window and discard it?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bỏ nội dung đã nhập</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Có</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Giao ban ngày {date}, nội dung {number}: {content}</source>
        <translation>Giao ban of {date}, directive {number}: {content}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giao ban ngày {date}, nội dung {number}</source>
        <translation>Giao ban of {date}, directive {number}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nội dung chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Thông báo lỗi chung</source>
        <translation>General error message</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/xlsx_import.py" line="+56"/>
        <source>Nhập từ Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} (ẩn)</source>
        <translation>{name} (hidden)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nhập tất cả vào giao ban ngày</source>
        <translation>Import everything into the giao ban of</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tên trong tệp</source>
        <translation>Name in the file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ở dòng</source>
        <translation>On rows</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Là tổ chức</source>
        <translation>Is the organization</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao ban</source>
        <translation>Giao ban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trùng với</source>
        <translation>Resembles</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Nhập</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang tính:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cột trong tệp (sửa nếu chưa đúng):</source>
        <translation>Columns in the file (correct them if wrong):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tên tổ chức chưa biết (chọn tổ chức tương ứng):</source>
        <translation>Unknown organization names (choose the matching organization):</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Chưa thấy dòng tiêu đề: hãy chọn cột &quot;Nội dung&quot; ở trên.</source>
        <translation>No header row found: choose the &quot;Nội dung&quot; (directive) column above.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{rows} nội dung chỉ đạo vào {meetings} cuộc giao ban; {skipped} dòng trống.</source>
        <translation>{rows} directives into {meetings} giao ban meetings; {skipped} empty rows.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(chọn…)</source>
        <translation>(choose…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm tổ chức mới với tên này</source>
        <translation>Add a new organization with this name</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="+81"/>
        <location line="+235"/>
        <source>Công văn đôn đốc</source>
        <translation>Reminder letters</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Tổ chức nhận công văn</source>
        <translation>Organizations to receive the letter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Số công văn</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>để trống: ghi tay sau</source>
        <translation>empty: written by hand later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày ban hành</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn báo cáo lại</source>
        <translation>Report back by</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quý:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Số:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày &amp;ban hành:</source>
        <translation>&amp;Issue date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hạn báo cáo lại:</source>
        <translation>&amp;Report back by:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Xem trước</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;PDF (mỗi tổ chức một tệp)…</source>
        <translation>Save &amp;PDF (one file per organization)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;Word (mỗi tổ chức một tệp)…</source>
        <translation>Save &amp;Word (one file per organization)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;một tệp PDF…</source>
        <translation>Save &amp;one PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Gửi tới:</source>
        <translation>&amp;Send to:</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Không còn nội dung cần đôn đốc: {names}.</source>
        <translation>Nothing left to chase: {names}.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Chọn thư mục lưu công văn</source>
        <translation>Choose the folder for the letters</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+29"/>
        <source>Không lưu được công văn.</source>
        <translation>Could not save the letters.</translation>
    </message>
    <message numerus="yes">
        <location line="-22"/>
        <source>Đã lưu %n công văn, mỗi công văn kèm phiếu báo cáo (.xlsx), vào thư mục {folder}.</source>
        <translation>
            <numerusform>Saved %n letter, with its report-back form (.xlsx), in the folder {folder}.</numerusform>
            <numerusform>Saved %n letters, each with its report-back form (.xlsx), in the folder {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lưu các công văn thành một tệp PDF</source>
        <translation>Save the letters as one PDF file</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã lưu {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hãy chọn ít nhất một tổ chức nhận công văn.</source>
        <translation>Choose at least one organization to send the letter to.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Các tổ chức đã chọn không còn nội dung nào chưa hoàn thành trong quý này.</source>
        <translation>The chosen organizations have nothing left open in this quarter.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không tạo được công văn.</source>
        <translation>Could not make the letters.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Không in được công văn.</source>
        <translation>Could not print the letters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã gửi công văn tới máy in.</source>
        <translation>The letters were sent to the printer.</translation>
    </message>
</context>
<context>
    <name>ListDelegate</name>
    <message>
        <location filename="../../ui/views/delegates.py" line="+143"/>
        <source>Sửa danh sách</source>
        <translation>Edit list</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../ui/models/live_refresh.py" line="+118"/>
        <source>Chỉ xem: tài khoản này không có quyền ghi trên máy chủ</source>
        <translation>Read only: this account may not write on the server</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window/menus.py" line="+20"/>
        <source>Ngôn ngữ mới sẽ được dùng từ lần mở chương trình sau.</source>
        <translation>The new language will be used the next time Giao ban starts.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window/window.py" line="+116"/>
        <source>Số nội dung đang hiện</source>
        <translation>Number of directives shown</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Các cách xem</source>
        <translation>Views</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cần &amp;đôn đốc</source>
        <translation>&amp;Chase list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nội dung chỉ đạo của cuộc giao ban</source>
        <translation>Directives of the giao ban</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Giao ban</source>
        <translation>&amp;Giao ban</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Tất cả nội dung chỉ đạo</source>
        <translation>All directives</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&amp;Tất cả nội dung</source>
        <translation>&amp;All directives</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Theo dõi, đôn đốc nội dung chỉ đạo</source>
        <translation>Following up directives</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tệp dữ liệu bị hỏng: không ghi được gì; hãy khôi phục từ bản sao lưu</source>
        <translation>The data file is damaged: nothing can be saved; restore it from a backup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window/menus.py" line="+8"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Theo &amp;dõi</source>
        <translation>Follo&amp;w-up</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Thanh công cụ</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window/window.py" line="+439"/>
        <source>Mở lại</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>MeetingAttachmentsPanel</name>
    <message>
        <location filename="../../ui/views/meeting_attachments.py" line="+38"/>
        <source>Thông báo kết luận và tài liệu của cả cuộc giao ban; tối đa 25 MB mỗi tệp. Có thể kéo thả tệp vào đây.</source>
        <translation>The conclusion notice and documents of the whole meeting; at most 25 MB per file. Files can be dropped here.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Chưa chọn cuộc giao ban nào.</source>
        <translation>No meeting chosen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp đính kèm của cuộc giao ban</source>
        <translation>Attachments of the meeting</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tệp đính kèm — giao ban ngày {day}</source>
        <translation>Attachments — meeting of {day}</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ui/dialogs/meeting.py" line="+80"/>
        <source>Xóa dòng</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa dòng nội dung chỉ đạo đang chọn cùng những gì đã nhập trong dòng?</source>
        <translation>Delete the selected directive row and everything typed in it?</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Ghi cuộc giao ban mới</source>
        <translation>New giao ban</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sửa cuộc giao ban</source>
        <translation>Edit giao ban</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ngày giao ban</source>
        <translation>Date of the giao ban</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quý đánh giá</source>
        <translation>Quarter reviewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quý I-2021</source>
        <translation>Q1/2021</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Người chủ trì</source>
        <translation>Chaired by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ví dụ: Phó Bí thư Thường trực Tỉnh ủy</source>
        <translation>e.g. Phó Bí thư Thường trực Tỉnh ủy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thành phần dự</source>
        <translation>Attending organizations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dấu cách: chọn hoặc bỏ chọn. Chọn một nhóm là chọn mọi tổ chức trong nhóm.</source>
        <translation>Space: select or deselect. Selecting a group selects every organization in it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số thông báo kết luận</source>
        <translation>Conclusion notice number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ví dụ: 125-TB/TU</source>
        <translation>e.g. 125-TB/TU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đánh giá chung, kết quả được biểu dương…</source>
        <translation>Overall assessment, results commended…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Bảng nội dung chỉ đạo</source>
        <translation>Directives table</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu cuộc giao ban (Ctrl+S)</source>
        <translation>Save the giao ban (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng, không lưu (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dán văn &amp;bản…</source>
        <translation>Paste te&amp;xt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dán thông báo kết luận hoặc tin bài: điền ngày, người chủ trì và các dòng</source>
        <translation>Paste the conclusion notice or news report: fills in the date, the chair and the rows</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Ngày giao ban:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quý đánh giá:</source>
        <translation>&amp;Quarter reviewed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Số thông báo kết luận:</source>
        <translation>Conclusion &amp;notice no.:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tiêu đề:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Người c&amp;hủ trì:</source>
        <translation>C&amp;haired by:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chức &amp;vụ:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thành &amp;phần dự:</source>
        <translation>&amp;Attending:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ghi chú:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nội &amp;dung chỉ đạo:</source>
        <translation>D&amp;irectives:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nội &amp;dung chỉ đạo (sửa từng nội dung ở cửa sổ chính):</source>
        <translation>D&amp;irectives (edit each one in the main window):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter: sang ô tiếp theo, hết dòng thì thêm dòng · Ctrl+Enter: dòng mới · ↓ trong ô Chủ trì: danh sách cơ quan · Delete: xóa dòng trống</source>
        <translation>Enter: next cell, a new row after the last · Ctrl+Enter: new row · ↓ in Lead: list of organizations · Delete: remove an empty row</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Ngày giao ban {date} ở quá xa trong tương lai; hãy kiểm tra lại năm.</source>
        <translation>The giao ban date {date} is too far in the future; please check the year.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Hãy ghi tiêu đề cuộc giao ban.</source>
        <translation>Please enter a title for the giao ban.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>…và %n lỗi khác (đánh dấu đỏ trong bảng).</source>
        <translation>
            <numerusform>…and %n more problem (marked red in the table).</numerusform>
            <numerusform>…and %n more problems (marked red in the table).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <location filename="../../ui/main_window/meeting_header.py" line="+56"/>
        <source>Thông báo kết luận và các tệp đính kèm của cả cuộc giao ban</source>
        <translation>The conclusion notice and other files attached to the whole meeting</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đánh giá quý:</source>
        <translation>Quarter reviewed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ trì:</source>
        <translation>Chaired by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông báo kết luận số:</source>
        <translation>Conclusion notice no.:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành phần:</source>
        <translation>Attending:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Chọn một cuộc giao ban ở danh sách bên trái.</source>
        <translation>Select a giao ban in the list on the left.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(chưa ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tệp đính kèm ({n})…</source>
        <translation>Attachments ({n})…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp đính kèm…</source>
        <translation>Attachments…</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../ui/views/meeting_panel.py" line="+33"/>
        <source>Tìm cuộc giao ban theo tiêu đề</source>
        <translation>Find a giao ban by its title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm giao ban…</source>
        <translation>Find giao ban…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lọc giao ban theo năm</source>
        <translation>Filter giao ban by year</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Danh sách các cuộc giao ban</source>
        <translation>List of giao ban meetings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Các cuộc &amp;giao ban</source>
        <translation>Giao ban &amp;meetings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tì&amp;m:</source>
        <translation>F&amp;ind:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mọi năm</source>
        <translation>All years</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/dialogs/note.py" line="+38"/>
        <source>Ghi tiến độ</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cơ quan báo cáo</source>
        <translation>Reporting organization</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(không ghi cơ quan)</source>
        <translation>(no organization)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chủ trì</source>
        <translation>lead</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>phối hợp</source>
        <translation>support</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nội dung tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ví dụ: Đã xây dựng kế hoạch, đang triển khai ở 10/10 huyện, thành phố.</source>
        <translation>e.g. Đã xây dựng kế hoạch, đang triển khai ở 10/10 huyện, thành phố.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cơ quan báo cáo:</source>
        <translation>&amp;Reported by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tiến độ:</source>
        <translation>&amp;Progress:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Hãy ghi nội dung tiến độ.</source>
        <translation>Please describe the progress.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/main_window/operations.py" line="+95"/>
        <source>Ghi giao ban mới</source>
        <translation>Record new giao ban</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sửa cuộc giao ban</source>
        <translation>Edit giao ban</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Xóa cuộc giao ban</source>
        <translation>Delete giao ban</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thêm nội dung</source>
        <translation>Add directive</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sửa nội dung</source>
        <translation>Edit directive</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Xóa nội dung</source>
        <translation>Delete directives</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Đánh dấu hoàn thành %n nội dung</source>
        <translation>
            <numerusform>Mark %n directive done</numerusform>
            <numerusform>Mark %n directives done</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đổi trạng thái</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gia hạn</source>
        <translation>Extend deadline</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Thêm ghi chú tiến độ</source>
        <translation>Add a progress note</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Đính kèm {names}</source>
        <translation>Attach {names}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gỡ tệp đính kèm &quot;{name}&quot;</source>
        <translation>Remove attachment &quot;{name}&quot;</translation>
    </message>
</context>
<context>
    <name>OrgCatalog</name>
    <message>
        <location filename="../../ui/widgets/org_catalog.py" line="+145"/>
        <source>Tên &quot;{name}&quot; có thể là {choices}. Hãy gõ rõ hơn, hoặc chọn trong danh sách gợi ý.</source>
        <translation>&quot;{name}&quot; could be {choices}. Type more of the name, or pick one from the suggestions.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không có tổ chức hay nhóm &quot;{name}&quot;. Hãy gõ tên viết tắt, ví dụ &quot;MTTQ&quot;, rồi chọn trong danh sách gợi ý.</source>
        <translation>There is no organization or group &quot;{name}&quot;. Type a short name, e.g. &quot;MTTQ&quot;, and pick one from the suggestions.</translation>
    </message>
</context>
<context>
    <name>OrgPicker</name>
    <message>
        <location filename="../../ui/widgets/org_picker.py" line="+61"/>
        <source>Nhóm: {name}</source>
        <translation>Group: {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} (ngừng)</source>
        <translation>{name} (inactive)</translation>
    </message>
</context>
<context>
    <name>OrganizationsDelegate</name>
    <message>
        <location filename="../../ui/views/delegates.py" line="+17"/>
        <source>Cơ quan (tên viết tắt, cách nhau bởi dấu phẩy)</source>
        <translation>Organizations (short names, separated by commas)</translation>
    </message>
</context>
<context>
    <name>OrganizationsDialog</name>
    <message>
        <location filename="../../ui/dialogs/organizations.py" line="+60"/>
        <source>Các tổ chức</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Danh sách tổ chức</source>
        <translation>List of organizations</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+44"/>
        <source>Tên viết tắt</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+40"/>
        <source>Tên đầy đủ</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa lên trên (Ctrl+↑)</source>
        <translation>Move up (Ctrl+↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa xuống dưới (Ctrl+↓)</source>
        <translation>Move down (Ctrl+↓)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+180"/>
        <source>&amp;Ngừng sử dụng</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Tổ chức ngừng sử dụng không còn trong danh sách chọn; các cuộc giao ban cũ vẫn giữ tên.</source>
        <translation>An inactive organization is no longer offered for selection; past giao ban keep its name.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Xóa</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ xóa được tổ chức chưa có trong cuộc giao ban hay nội dung nào.</source>
        <translation>Only an organization not used in any giao ban or directive can be deleted.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ví dụ: Hội Nông dân tỉnh</source>
        <translation>e.g. Hội Nông dân tỉnh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ví dụ: Hội ND</source>
        <translation>e.g. Hội ND</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm &amp;mới</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi tên một tổ chức mới ở khung bên dưới</source>
        <translation>Enter the names of a new organization below</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lưu tên</source>
        <translation>&amp;Save names</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổ chức mới: thêm vào danh sách. Tổ chức đang chọn: sửa tên ở mọi nơi, kể cả các cuộc giao ban cũ (khi tổ chức được sắp xếp lại, hãy thêm tổ chức mới và cho tổ chức cũ ngừng sử dụng).</source>
        <translation>A new organization is added to the list. For the selected organization the names change everywhere, past giao ban included (when organizations are restructured, add a new one and deactivate the old one instead).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tên đầ&amp;y đủ:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên &amp;viết tắt:</source>
        <translation>S&amp;hort name:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Danh sách (thứ tự này dùng trong các bảng và báo cáo):</source>
        <translation>L&amp;ist (this order is used in tables and reports):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nhóm {group}: {members}.</source>
        <translation>Group {group}: {members}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngừng sử dụng</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state}, đã có dữ liệu</source>
        <translation>{state}, in use</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Tổ chức mới</source>
        <translation>New organization</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tên của {name}</source>
        <translation>Names of {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dùng &amp;lại</source>
        <translation>&amp;Reactivate</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hãy ghi tên đầy đủ của tổ chức.</source>
        <translation>Please enter the organization&apos;s full name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hãy ghi tên viết tắt.</source>
        <translation>Please enter a short name.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tên viết tắt không được có dấu phẩy hay chấm phẩy: chúng ngăn cách các cơ quan trong bảng nội dung chỉ đạo.</source>
        <translation>A short name cannot contain a comma or semicolon: they separate organizations in the directives table.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Xóa tổ chức</source>
        <translation>Delete organization</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa tổ chức {name} khỏi danh sách?</source>
        <translation>Delete the organization {name} from the list?</translation>
    </message>
</context>
<context>
    <name>PasteTextDialog</name>
    <message>
        <location filename="../../ui/dialogs/paste_text.py" line="+40"/>
        <source>Dán văn bản kết luận</source>
        <translation>Paste the conclusion text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dán thông báo kết luận hoặc tin bài về cuộc giao ban. Chương trình đề xuất ngày, người chủ trì, quý đánh giá và từng nội dung chỉ đạo vào bảng; hãy kiểm tra lại trước khi lưu.</source>
        <translation>Paste the conclusion notice or the news report of the meeting. The program proposes the date, the chair, the reviewed quarter and each directive in the grid; check them before saving.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Văn bản kết luận</source>
        <translation>Conclusion text</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đưa vào bảng</source>
        <translation>Put into the grid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Văn bản quá dài ({n} ký tự). Hãy chỉ dán phần kết luận.</source>
        <translation>The text is too long ({n} characters). Paste only the conclusion.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Không thấy nội dung chỉ đạo nào trong văn bản (chỉ có kết quả, biểu dương hay thảo luận). Hãy dán phần kết luận, hoặc nhập tay vào bảng.</source>
        <translation>No directive found in the text (only results, praise or discussion). Paste the conclusion, or type the directives into the grid.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/report/preview.py" line="+97"/>
        <source>Các trang của báo cáo</source>
        <translation>Pages of the report</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vừa &amp;trang</source>
        <translation>Fit p&amp;age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem trọn một trang</source>
        <translation>Show a whole page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vừa &amp;chiều rộng</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phóng to cho vừa chiều rộng cửa sổ</source>
        <translation>Zoom to the window&apos;s width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn máy in và in các trang này</source>
        <translation>Choose a printer and print these pages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>QuarterDelegate</name>
    <message>
        <location filename="../../ui/views/delegates.py" line="+38"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>QuarterEdit</name>
    <message>
        <location filename="../../ui/widgets/quarter_edit.py" line="+44"/>
        <source>Ví dụ: &quot;Quý II-2021&quot;, &quot;quý 3/2021&quot;, &quot;6 tháng cuối năm&quot;, &quot;quý III&quot; (năm của cuộc giao ban), &quot;thường xuyên&quot; hoặc &quot;tx&quot;.</source>
        <translation>e.g. &quot;Quý II-2021&quot;, &quot;quý 3/2021&quot;, &quot;6 tháng cuối năm&quot;, &quot;quý III&quot; (the year of the giao ban), &quot;thường xuyên&quot; or &quot;tx&quot;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ví dụ: &quot;Quý II-2021&quot;, &quot;quý 3/2021&quot;, &quot;quý II&quot; (năm của cuộc giao ban).</source>
        <translation>e.g. &quot;Quý II-2021&quot;, &quot;quý 3/2021&quot;, &quot;quý II&quot; (the year of the giao ban).</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <location filename="../../ui/widgets/reminder_banner.py" line="+26"/>
        <source>&amp;Xem</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem các nội dung đến hạn</source>
        <translation>Show the directives falling due</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Đóng lời nhắc</source>
        <translation>Close the reminder</translation>
    </message>
</context>
<context>
    <name>ReminderWatch</name>
    <message numerus="yes">
        <location filename="../../ui/reminder_watch.py" line="+70"/>
        <source>%n nội dung đến hạn trong {days} ngày tới</source>
        <translation>
            <numerusform>%n directive falls due in the next {days} days</numerusform>
            <numerusform>%n directives fall due in the next {days} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n nội dung đã quá hạn</source>
        <translation>
            <numerusform>%n directive overdue</numerusform>
            <numerusform>%n directives overdue</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nhắc việc</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Giao ban — nhắc việc</source>
        <translation>Giao ban — reminder</translation>
    </message>
</context>
<context>
    <name>ReplyImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/reply_import.py" line="+70"/>
        <source>Nhập phiếu báo cáo</source>
        <translation>Import report-back form</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tệp phiếu báo cáo</source>
        <translation>Report-back form file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa chọn tệp</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Các thay đổi theo phiếu</source>
        <translation>Changes from the form</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nội dung chỉ đạo</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhận cả các dòng &amp;xung đột</source>
        <translation>Accept &amp;conflicting rows too</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cập nhật cả những nội dung đã thay đổi sau khi lập phiếu</source>
        <translation>Also update directives that changed after the form was made</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Cập nhật</source>
        <translation>&amp;Update</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Chọn phiếu báo cáo đã điền</source>
        <translation>Choose the filled report-back form</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Phiếu của {name}, lập ngày {day}: {done} nội dung cập nhật, {conflicts} dòng xung đột, {unchanged} dòng không thay đổi.</source>
        <translation>Form of {name}, made on {day}: {done} directives to update, {conflicts} conflicting rows, {unchanged} rows unchanged.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hoàn thành {day}</source>
        <translation>Done {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Xung đột: {why}</source>
        <translation>Conflict: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không cập nhật được: {why}</source>
        <translation>Cannot update: {why}</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../../ui/report/chart.py" line="+45"/>
        <source>Hoàn thành đúng hạn</source>
        <translation>Done on time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hoàn thành quá hạn</source>
        <translation>Done late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa hoàn thành – trong hạn</source>
        <translation>Not done – within deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa hoàn thành – quá hạn</source>
        <translation>Not done – overdue</translation>
    </message>
</context>
<context>
    <name>ReportChartView</name>
    <message>
        <location line="+134"/>
        <source>Biểu đồ kết quả thực hiện theo cơ quan, đơn vị</source>
        <translation>Chart of results by organization</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không có số liệu để vẽ biểu đồ.</source>
        <translation>There are no figures to chart.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không có số liệu.</source>
        <translation>No figures.</translation>
    </message>
</context>
<context>
    <name>ReportCountsModel</name>
    <message>
        <location filename="../../ui/report/counts_model.py" line="+35"/>
        <source>Cơ quan, đơn vị</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng số</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hoàn thành
đúng hạn</source>
        <translation>Done
on time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hoàn thành
quá hạn</source>
        <translation>Done
late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa
hoàn thành
trong hạn</source>
        <translation>Not done,
within
deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa
hoàn thành
quá hạn</source>
        <translation>Not done,
overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thường
xuyên</source>
        <translation>Standing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cộng (theo nội dung chỉ đạo)</source>
        <translation>Total (by directive)</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report/prompts.py" line="+34"/>
        <source>In danh sách</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <location filename="../../ui/report/dialog.py" line="+274"/>
        <location filename="../../ui/report/prompts.py" line="+9"/>
        <source>Xem trước khi in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location line="-153"/>
        <location line="+2"/>
        <source>Báo cáo theo dõi, đôn đốc</source>
        <translation>Follow-up report</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Danh sách theo dõi quý</source>
        <translation>Quarterly follow-up list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung còn tồn đọng trước giao ban</source>
        <translation>Open directives before a giao ban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại báo cáo</source>
        <translation>Report kind</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Chọn trong danh sách hoặc gõ, ví dụ &quot;Quý II-2021&quot;, &quot;Q2/2021&quot;, &quot;2021-Q2&quot;</source>
        <translation>Choose from the list or type, e.g. &quot;Quý II-2021&quot;, &quot;Q2/2021&quot;, &quot;2021-Q2&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ví dụ Quý II-2021</source>
        <translation>e.g. Quý II-2021</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tính đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng đúng hạn, quá hạn được tính đến ngày này</source>
        <translation>Whether directives are on time or overdue is judged as of this date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cơ quan, đơn vị chủ trì</source>
        <translation>Lead organization</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từng cơ quan (mỗi cơ quan một phần)</source>
        <translation>Each organization (a part for each)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cuộc giao ban</source>
        <translation>Giao ban</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Theo cơ quan chủ trì: mỗi nội dung một lần, ghi tình trạng của từng cơ quan; từng cơ quan: mỗi cơ quan một phần riêng để gửi cho cơ quan đó</source>
        <translation>By lead organization: each directive once, with each organization&apos;s own status; each organization: a part of its own for each, to send it</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ngày ban hành</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngày ghi trên báo cáo: &quot;Nam Định, ngày … tháng … năm …&quot;</source>
        <translation>The date printed on the report: &quot;Nam Định, ngày … tháng … năm …&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhóm theo</source>
        <translation>Group by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liệt kê cả nội dung đã &amp;hoàn thành</source>
        <translation>List &amp;done directives too</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liệt kê cả nội dung đã hoàn thành</source>
        <translation>List done directives too</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In kèm &amp;biểu đồ</source>
        <translation>Include a &amp;chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In kèm biểu đồ</source>
        <translation>Include a chart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm một trang biểu đồ sau bảng tổng hợp (bản in, PDF và Word)</source>
        <translation>Add a page with a chart after the summary table (print, PDF and Word)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tùy chọn</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Loại báo cáo:</source>
        <translation>Report &amp;kind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quý:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tính đến &amp;ngày:</source>
        <translation>&amp;As of:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhóm &amp;theo:</source>
        <translation>&amp;Group by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày &amp;ban hành:</source>
        <translation>&amp;Issue date:</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+30"/>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Thông báo lỗi</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Số nội dung theo cơ quan, đơn vị</source>
        <translation>Directives by organization</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Theo cơ quan, đơn vị</source>
        <translation>By organization</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu đồ</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Xem trước khi in…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;Excel…</source>
        <translation>Save &amp;Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;Word…</source>
        <translation>Save &amp;Word…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu Excel</source>
        <translation>Save Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu Word</source>
        <translation>Save Word</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lưu thành tệp PDF để gửi hoặc in sau</source>
        <translation>Save as a PDF file to send or print later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu thành bảng tính Excel (.xlsx)</source>
        <translation>Save as an Excel spreadsheet (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu thành văn bản Word (.docx) để sửa trước khi ký</source>
        <translation>Save as a Word document (.docx) to edit before signing</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Nội dung tồn đọng đến {date}</source>
        <translation>Open directives as of {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh sách theo dõi {quarter}</source>
        <translation>Follow-up list {quarter}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không xem trước được danh sách.</source>
        <translation>Could not preview the list.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+14"/>
        <source>Không in được danh sách.</source>
        <translation>Could not print the list.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã gửi danh sách tới máy in.</source>
        <translation>The list was sent to the printer.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lưu danh sách thành PDF</source>
        <translation>Save the list as PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu danh sách thành Excel</source>
        <translation>Save the list as Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel spreadsheets (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu danh sách thành Word</source>
        <translation>Save the list as Word</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Văn bản Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Không lưu được danh sách.</source>
        <translation>Could not save the list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã lưu {name} vào thư mục {folder}.</source>
        <translation>Saved {name} in the folder {folder}.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Không có nội dung chỉ đạo nào cần theo dõi trong {quarter}.</source>
        <translation>There are no directives to follow up in {quarter}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không còn nội dung chỉ đạo nào chưa hoàn thành tính đến ngày {date}.</source>
        <translation>No directive is still open as of {date}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa có danh sách để in.</source>
        <translation>There is no list to print yet.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Chương trình gặp một lỗi không lường trước; dữ liệu không bị ảnh hưởng. Hãy thử lại, và nếu lỗi lặp lại, báo cho người phụ trách kỹ thuật.</source>
        <translation>The program hit an unexpected error; the data is not affected. Please try again, and if it happens again, tell the person in charge of IT.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="+72"/>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn bản sao lưu cần khôi phục. Dữ liệu hiện tại sẽ được sao lưu trước khi bị thay thế, nên vẫn có thể lấy lại.</source>
        <translation>Choose the backup to restore. The current data is backed up before it is replaced, so it can still be recovered.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Các bản sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời điểm</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa có bản sao lưu nào trong thư mục {folder}.</source>
        <translation>There are no backups in the folder {folder} yet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn &amp;tệp khác…</source>
        <translation>Choose another &amp;file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dữ liệu Giao ban (*.sqlite3 *.db *.sqlite);;Mọi tệp (*)</source>
        <translation>Giao ban data (*.sqlite3 *.db *.sqlite);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings.py" line="+64"/>
        <source>Thiết lập văn bản</source>
        <translation>Document settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trước khi in lần đầu: hãy kiểm tra tỉnh, cơ quan ban hành và người ký in ở đầu và cuối văn bản (đang là giá trị mặc định), rồi bấm Lưu.</source>
        <translation>Before printing for the first time: check the province, the issuing body and the signer printed at the head and foot of documents (these are the defaults), then click Save.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Ví dụ: Nam Định</source>
        <translation>e.g. Nam Định</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Địa danh ghi ngày</source>
        <translation>Place in the date line</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+60"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Ký hiệu cơ quan</source>
        <translation>Issuer code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ví dụ: BDVTU</source>
        <translation>e.g. BDVTU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại văn bản</source>
        <translation>Document type code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ví dụ: BC</source>
        <translation>e.g. BC</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>để trống: ghi tay</source>
        <translation>empty: written by hand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trưởng ban ký</source>
        <translation>The head signs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phó trưởng ban ký thay (K/T Trưởng ban)</source>
        <translation>A deputy head signs for the head (K/T Trưởng ban)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+68"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi nhận, mỗi dòng một nơi</source>
        <translation>Recipients, one per line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thường trực Tỉnh ủy (để b/c)</source>
        <translation>e.g. Thường trực Tỉnh ủy (để b/c)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dòng lưu</source>
        <translation>Filing line</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ví dụ: Lưu Văn phòng Ban</source>
        <translation>e.g. Lưu Văn phòng Ban</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Màn hình khi mở</source>
        <translation>View at start-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần đôn đốc</source>
        <translation>Chase list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các cuộc giao ban</source>
        <translation>Giao ban meetings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tất cả nội dung chỉ đạo</source>
        <translation>All directives</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Nhắc khi mở cửa sổ (mỗi ngày một lần)</source>
        <translation>&amp;Remind when the window opens (once a day)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhắc nội dung sắp đến hạn khi mở cửa sổ</source>
        <translation>Remind of directives falling due when the window opens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhắc trước hạn bao nhiêu ngày</source>
        <translation>How many days before the deadline to remind</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+51"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>&amp;Lưu</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Tỉnh:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cơ quan:</source>
        <translation>Issuing &amp;body:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ký hiệu cơ quan:</source>
        <translation>Issuer &amp;code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đị&amp;a danh ghi ngày:</source>
        <translation>Pl&amp;ace in date line:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loại &amp;văn bản:</source>
        <translation>&amp;Type code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Số:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Thẩm quyền ký:</source>
        <translation>Si&amp;gning authority:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Người ký:</source>
        <translation>&amp;Signer:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ơi nhận
(mỗi dòng
một nơi):</source>
        <translation>&amp;Recipients
(one per
line):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dòng &amp;lưu:</source>
        <translation>&amp;Filing line:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cửa sổ</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mở đầu với:</source>
        <translation>&amp;Open on:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhắc việc:</source>
        <translation>Reminders:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhắc &amp;trước hạn:</source>
        <translation>Remind &amp;before:</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Số văn bản chỉ gồm chữ số (để trống nếu ghi số bằng tay).</source>
        <translation>The document number is digits only (leave it empty to write the number by hand).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ký hiệu không có dấu cách hay dấu &quot;/&quot;.</source>
        <translation>A code cannot contain spaces or &quot;/&quot;.</translation>
    </message>
</context>
<context>
    <name>TextDelegate</name>
    <message>
        <location filename="../../ui/views/delegates.py" line="-137"/>
        <source>Sửa ô</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đã trả lại chữ cũ của ô. Ctrl+Z: lấy lại chữ vừa gõ; Esc lần nữa: thôi sửa ô.</source>
        <translation>The cell&apos;s previous text is back. Ctrl+Z: get back what you typed; Esc again: stop editing the cell.</translation>
    </message>
</context>
<context>
    <name>_CalendarPopup</name>
    <message>
        <location filename="../../ui/widgets/date_field.py" line="+112"/>
        <source>Lịch chọn ngày</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+73"/>
        <source>Mở tệp dữ liệu Giao ban</source>
        <translation>Open a Giao ban data file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dữ liệu Giao ban (*.sqlite3 *.db *.sqlite);;Mọi tệp (*)</source>
        <translation>Giao ban data (*.sqlite3 *.db *.sqlite);;All files (*)</translation>
    </message>
</context>
<context>
    <name>backup_dialog</name>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="-115"/>
        <source>Tự động hằng ngày</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước khi nâng cấp dữ liệu</source>
        <translation>Before a data upgrade</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Đã sao lưu dữ liệu vào {path}.</source>
        <translation>The data was backed up to {path}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+26"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Thay dữ liệu hiện tại bằng bản sao lưu {name}?</source>
        <translation>Replace the current data with the backup {name}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu hiện tại được sao lưu trước, nên vẫn có thể lấy lại.</source>
        <translation>The current data is backed up first, so it can still be recovered.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã khôi phục dữ liệu từ {name}.</source>
        <translation>The data was restored from {name}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã khôi phục dữ liệu từ {name}. Dữ liệu trước khi khôi phục được lưu ở {path}.</source>
        <translation>The data was restored from {name}. The data as it was before the restore is kept in {path}.</translation>
    </message>
</context>
<context>
    <name>chase</name>
    <message>
        <location filename="../../ui/models/chase_model.py" line="-241"/>
        <source>Nội dung</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao ban ngày</source>
        <translation>Giao ban</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả / ghi chú</source>
        <translation>Result / note</translation>
    </message>
    <message>
        <location filename="../../ui/views/chase_view.py" line="+30"/>
        <source>Danh sách cần đôn đốc</source>
        <translation>Chase list</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../ui/views/column_fitter.py" line="+225"/>
        <source>Đặt lại độ rộng các cột</source>
        <translation>Reset column widths</translation>
    </message>
</context>
<context>
    <name>directives</name>
    <message>
        <location filename="../../ui/models/directive_table.py" line="+60"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phối hợp</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày hoàn thành</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả / ghi chú</source>
        <translation>Result / note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao ban ngày</source>
        <translation>Giao ban</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chưa thực hiện</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thường xuyên</source>
        <translation>Standing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{due} (gia hạn)</source>
        <translation>{due} (extended)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{owners} ({n} chưa xong: {names})</source>
        <translation>{owners} ({n} not done: {names})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quá hạn: thời hạn {due} đã hết từ ngày {day}.</source>
        <translation>Overdue: the deadline {due} ended on {day}.</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>Không sắp xếp theo cột này</source>
        <translation>Cannot sort by this column</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Quá hạn, {status}</source>
        <translation>Overdue, {status}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{org}: {note}</source>
        <translation>{org}: {note}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Đã gia hạn; thời hạn ban đầu: {due}.</source>
        <translation>Extended; original deadline: {due}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: {status}</source>
        <translation>{name}: {status}</translation>
    </message>
</context>
<context>
    <name>meetings</name>
    <message>
        <location filename="../../ui/models/meeting_list.py" line="+36"/>
        <source>chưa có nội dung</source>
        <translation>no directives yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done}/{total} hoàn thành</source>
        <translation>{done}/{total} done</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="+40"/>
        <source>Chưa thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Giao ban</source>
        <translation>Giao ban</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Chương trình gặp một lỗi không lường trước. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa rồi có thể chưa được thực hiện. Hãy thử lại, và nếu lỗi lặp lại, báo cho người phụ trách kỹ thuật.</source>
        <translation>The program hit an unexpected error. The saved data is not affected; the last action may not have been carried out. Please try again, and if it happens again, tell the person in charge of IT.</translation>
    </message>
</context>
<context>
    <name>open_failure</name>
    <message>
        <location filename="../../ui/dialogs/open_failure.py" line="+29"/>
        <source>Tệp này không bị thay đổi. Bạn muốn làm gì?</source>
        <translation>The file has not been changed. What would you like to do?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không mở được tệp dữ liệu</source>
        <translation>Cannot open the data file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Mở tệp khác…</source>
        <translation>&amp;Open another file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Khôi phục bản sao lưu…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>xlsx_import</name>
    <message>
        <location filename="../../ui/dialogs/xlsx_import.py" line="+65"/>
        <location line="+14"/>
        <source>Nhập từ Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Xuất Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã xuất {count} nội dung chỉ đạo ra {path}</source>
        <translation>Exported {count} directives to {path}</translation>
    </message>
</context>
</TS>
