; Inno Setup 6 script: a per-user installer for Giao ban (no administrator rights).
; Built by packaging\windows\build.ps1, which passes the version, the bundle folder and
; the icon:  ISCC /DAppVersion=0.1.0 /DSourceDir=...\dist\GiaoBan /DIconFile=...\giaoban.ico
; Not run by the project's CI: see docs/WINDOWS.md for the manual checks.
;
; The program goes to %LOCALAPPDATA%\Programs\GiaoBan; the data stays in
; %LOCALAPPDATA%\GiaoBan (the data file, its backups), which an upgrade never touches
; and an uninstall keeps unless the clerk asks for it to be deleted.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build.ps1 reads it from the package)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\windows\dist\GiaoBan"
#endif
#ifndef IconFile
  #define IconFile "giaoban.ico"
#endif

[Setup]
; The same AppId in every version: a new installer upgrades the installed program.
AppId={{5E0F6C1B-7A63-4C59-9C2D-3B8A0E51D4A7}
AppName=Giao ban
AppVersion={#AppVersion}
AppVerName=Giao ban {#AppVersion}
AppPublisher=Ban Dân vận
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Giao ban
VersionInfoDescription=Cài đặt Giao ban
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\GiaoBan
DisableDirPage=yes
DefaultGroupName=Giao ban
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputBaseFilename=GiaoBan-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\GiaoBan.exe
UninstallDisplayName=Giao ban
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open Giao ban window is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
DesktopIcon=Tạo biểu tượng trên màn hình nền
StartNow=Mở Giao ban
DeleteData=Xóa cả dữ liệu Giao ban trên máy này?%n%nThư mục %1 chứa tệp dữ liệu và các bản sao lưu. Chọn "No" (Không) để giữ lại: cài lại Giao ban sẽ dùng tiếp dữ liệu này.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's libraries as a whole: none of the older version's
; files is left to be loaded by the new one. The data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\Giao ban"; Filename: "{app}\GiaoBan.exe"; IconFilename: "{app}\GiaoBan.exe"; Comment: "Theo dõi, đôn đốc nội dung chỉ đạo"
Name: "{userdesktop}\Giao ban"; Filename: "{app}\GiaoBan.exe"; IconFilename: "{app}\GiaoBan.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\GiaoBan.exe"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\GiaoBan');
  if UninstallSilent or not DirExists(DataDir) then
    exit;  { silent uninstalls always keep the data }
  if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(DataDir, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\GiaoBan');
  end;
end;
