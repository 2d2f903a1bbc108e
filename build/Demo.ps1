#Requires -Version 7.0
<#
.SYNOPSIS
The LmsSync walkthrough against a running Sandbox, with readable output. build.ps1 -Task Demo starts the
Sandbox, runs this, and stops it.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SandboxInfo
)
$ErrorActionPreference = 'Stop'
# The demo's profile lives in a temporary LmsSync home, never in yours.
$env:LMSSYNC_HOME = Join-Path ([IO.Path]::GetTempPath()) ('lmssync-demo-' + [guid]::NewGuid().ToString('N'))
Import-Module $ModulePath -Force

function Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "── $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor DarkGray
}

try {
    Step 'Connect to the Sandbox (Salesforce + iSpring Learn emulators)' 'Connect-SfLms -SandboxInfo ./sandbox.json -LmsType ISpring -Name demo -Save'
    Connect-SfLms -SandboxInfo $SandboxInfo -LmsType ISpring -Name demo -Save
    Get-SfLmsConnection | Format-List | Out-Host

    Step 'Map the job title: Title, else Department' 'Set-SfLmsMapping -LmsField job_title -Primary Title -Secondary Department'
    Set-SfLmsMapping -LmsField job_title -Primary Title -Secondary Department -Confirm:$false
    Get-SfLmsMapping | Format-Table | Out-Host

    Step 'Skip the Legal department' "Add-SfLmsImportRule -Name 'no legal' -Field Department -Operator Equals -Value Legal"
    Add-SfLmsImportRule -Name 'no legal' -Field Department -Operator Equals -Value Legal -Confirm:$false -WarningAction SilentlyContinue

    Step 'Preview: what the sync would do' 'Get-SfLmsUser | Group-Object Action; Get-SfLmsUser | Where-Object Action -ne Create | Format-Table'
    $users = Get-SfLmsUser
    $users | Group-Object Action -NoElement | Format-Table Name, Count | Out-Host
    $users | Where-Object Action -ne Create | Select-Object -First 15 | Format-Table | Out-Host

    Step 'One payload: values, their sources, the match and the request body' 'Get-SfLmsUser -Action Create | Select-Object -First 1 | Get-SfLmsPayload'
    $users | Where-Object Action -eq Create | Select-Object -First 1 | Get-SfLmsPayload | Out-Host

    Step 'The plan for Sales only, without writing anything' 'Get-SfLmsUser -Department Sales | Invoke-SfLmsSync -WhatIf'
    $users | Where-Object Department -eq Sales | Invoke-SfLmsSync -WhatIf | Select-Object -First 10 | Format-Table | Out-Host

    Step 'Sync' 'Invoke-SfLmsSync'
    $first = Invoke-SfLmsSync -Confirm:$false
    $first | Format-Table | Out-Host

    Step 'Run again: nothing left to change' 'Invoke-SfLmsSync'
    $second = Invoke-SfLmsSync -Confirm:$false
    $second | Format-List RunId, Status, Actions, WriteCalls | Out-Host

    Step 'History' 'Get-SfLmsSyncHistory; Get-SfLmsSyncHistory -Last 2 | Select-Object -Last 1 | Get-SfLmsSyncHistory'
    Get-SfLmsSyncHistory | Out-Host
    $first | Get-SfLmsSyncHistory | Select-Object -First 10 | Format-Table | Out-Host

    if ($second.WriteCalls -ne 0) { throw "The second run wrote $($second.WriteCalls) time(s); it should have found nothing to change." }
    Write-Host 'Demo finished.' -ForegroundColor Green
}
finally {
    Disconnect-SfLms -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $env:LMSSYNC_HOME
}
