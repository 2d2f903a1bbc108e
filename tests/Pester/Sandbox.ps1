#Requires -Version 7.0
<#
.SYNOPSIS
Starts and stops the LmsSync Sandbox (local Salesforce, iSpring, SkyPrep and SCIM emulators) for the Pester
suite and the demo. Dot-source it: . $PSScriptRoot/Sandbox.ps1

.EXAMPLE
BeforeAll { . $PSScriptRoot/Sandbox.ps1; $script:sandbox = Start-LmsSyncSandbox }
AfterAll  { Stop-LmsSyncSandbox $script:sandbox }

$sandbox is sandbox.json parsed (sections salesforce, ispring, skyprep, scim) plus InfoPath (the file,
for Connect-SfLms -SandboxInfo), ProcessId and LogPath.
#>

function Get-LmsSyncSandboxDll {
    param([string] $Configuration)
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $project = Join-Path $repo 'src/LmsSync.Sandbox/LmsSync.Sandbox.csproj'
    # The configuration asked for (or LMSSYNC_SANDBOX_CONFIGURATION), else whichever build exists, else a Release build.
    $wanted = if ($Configuration) { @($Configuration) }
              elseif ($env:LMSSYNC_SANDBOX_CONFIGURATION) { @($env:LMSSYNC_SANDBOX_CONFIGURATION) }
              else { @('Release', 'Debug') }
    foreach ($c in $wanted) {
        $dll = Join-Path $repo "src/LmsSync.Sandbox/bin/$c/net10.0/LmsSync.Sandbox.dll"
        if (Test-Path $dll) { return $dll }
    }
    $build = $wanted[0]
    & dotnet build $project -c $build --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building the Sandbox failed (dotnet build $project -c $build)." }
    Join-Path $repo "src/LmsSync.Sandbox/bin/$build/net10.0/LmsSync.Sandbox.dll"
}

function Start-LmsSyncSandbox {
    [CmdletBinding()]
    param(
        [int] $Users = 200,
        [int] $Seed = 1,
        [string] $Configuration,
        [int] $TimeoutSeconds = 90
    )
    $dll = Get-LmsSyncSandboxDll -Configuration $Configuration
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('lmssync-sandbox-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $folder
    $info = Join-Path $folder 'sandbox.json'
    $log = Join-Path $folder 'sandbox.log'
    $arguments = @($dll, '--port', '0', '--users', "$Users", '--seed', "$Seed", '--info', $info)
    $start = @{ FilePath = 'dotnet'; ArgumentList = $arguments; PassThru = $true
                RedirectStandardOutput = $log; RedirectStandardError = (Join-Path $folder 'sandbox.err.log') }
    if ($IsWindows) { $start.NoNewWindow = $true }
    $process = Start-Process @start

    # The Sandbox writes sandbox.json whole (temp file + rename) once it listens.
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Test-Path $info)) {
        if ($process.HasExited) {
            $text = (Get-Content -Raw -ErrorAction SilentlyContinue $log) + (Get-Content -Raw -ErrorAction SilentlyContinue (Join-Path $folder 'sandbox.err.log'))
            throw "The Sandbox exited with code $($process.ExitCode) before it was listening:`n$text"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The Sandbox did not write $info within $TimeoutSeconds seconds."
        }
        Start-Sleep -Milliseconds 100
    }
    $sandbox = Get-Content -Raw $info | ConvertFrom-Json
    $sandbox | Add-Member -NotePropertyName InfoPath -NotePropertyValue $info
    $sandbox | Add-Member -NotePropertyName ProcessId -NotePropertyValue $process.Id
    $sandbox | Add-Member -NotePropertyName Folder -NotePropertyValue $folder
    $sandbox | Add-Member -NotePropertyName LogPath -NotePropertyValue $log
    $sandbox
}

function Stop-LmsSyncSandbox {
    [CmdletBinding()]
    param([Parameter(Position = 0)] $Sandbox)
    if (-not $Sandbox) { return }
    # Only the process this helper started, by its id.
    $process = Get-Process -Id $Sandbox.ProcessId -ErrorAction SilentlyContinue
    if ($process) {
        Stop-Process -Id $Sandbox.ProcessId -Force -ErrorAction SilentlyContinue
        $null = $process.WaitForExit(10000)
    }
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $Sandbox.Folder
}
