#Requires -Version 7.0
<#
.SYNOPSIS
Runs the LmsSync Pester suite against a built module (out/LmsSync by default).
Exit code 0 when every test passes. Used by `dotnet test` (where pwsh exists) and by hand.
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/LmsSync/LmsSync.psd1')
)
$ErrorActionPreference = 'Stop'
if (-not (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0')) {
    Write-Error 'Pester 5 is required: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser'
    exit 2
}
Import-Module Pester -MinimumVersion 5.0
$env:LMSSYNC_TEST_MODULE = (Resolve-Path $ModulePath).Path
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration $configuration
