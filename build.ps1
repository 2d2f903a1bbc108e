#Requires -Version 7.0
<#
.SYNOPSIS
Builds, tests and demonstrates LmsSync.

.DESCRIPTION
Build  dotnet build LmsSync.PowerShell.sln; lays out the importable module in out/LmsSync.
Test   dotnet test LmsSync.PowerShell.sln (xunit, the cmdlet metadata tests, and the Pester suite when pwsh is on PATH).
Demo   Build, start the Sandbox (local Salesforce and LMS emulators), run build/Demo.ps1 against it, stop the Sandbox.
Clean  Removes out/ and the build output.

.EXAMPLE
pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$solution = Join-Path $PSScriptRoot 'LmsSync.PowerShell.sln'
$module = Join-Path $PSScriptRoot 'out/LmsSync/LmsSync.psd1'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build $solution -c $Configuration --nologo
    Write-Host "Module laid out in $(Split-Path $module)"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Dotnet test $solution -c $Configuration --nologo }
    'Clean' {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $PSScriptRoot 'out')
        Invoke-Dotnet clean $solution -c $Configuration --nologo -v quiet
    }
    'Demo' {
        Invoke-Build
        . (Join-Path $PSScriptRoot 'tests/Pester/Sandbox.ps1')
        $sandbox = $null
        try {
            $sandbox = Start-LmsSyncSandbox -Users 200 -Configuration $Configuration
            # The demo runs in its own PowerShell, so the module and LMSSYNC_HOME it sets never leak into this session.
            & ([Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) -NoProfile -File (Join-Path $PSScriptRoot 'build/Demo.ps1') `
                -ModulePath $module -SandboxInfo $sandbox.InfoPath
            if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
        }
        finally {
            Stop-LmsSyncSandbox $sandbox
        }
    }
}
