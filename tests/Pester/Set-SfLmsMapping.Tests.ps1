#Requires -Version 7.0
# Set-, Get- and Remove-SfLmsMapping against the local Sandbox (iSpring), with a saved profile in TestDrive.

Describe 'Set-SfLmsMapping, Get-SfLmsMapping, Remove-SfLmsMapping' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox -Users 20
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring -Name maps -Save
        $script:profileFile = Join-Path $env:LMSSYNC_HOME 'profiles/maps/profile.json'
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'starts from the LMS type default mapping' {
        $rows = @(Get-SfLmsMapping)
        $rows.Count | Should -BeGreaterThan 2
        $rows[0] | Should -BeOfType ([LmsSync.Core.Profiles.MappingRow])
        $rows.LmsField | Should -Contain 'department'
    }

    It 'sets primary and secondary fields, returns the row with -PassThru and saves the profile' {
        $row = Set-SfLmsMapping -LmsField department -Primary Department -Secondary Division -Default 'Unassigned' -PassThru
        $row.Primary | Should -Be 'Department'
        $row.Secondary | Should -Be @('Division')
        $row.Default | Should -Be 'Unassigned'
        (Get-SfLmsMapping -LmsField department).Secondary | Should -Be @('Division')
        (Get-Content -Raw $profileFile | ConvertFrom-Json).Sync.Mapping.Department.Sources | Should -Be @('Department', 'Division')
    }

    It 'maps groups from several fields and public groups' {
        $row = Set-SfLmsMapping -LmsField group -Primary Department -Secondary Title -IncludePublicGroups -PassThru
        $row.IncludePublicGroups | Should -BeTrue
        $row.Secondary | Should -Be @('Title')
    }

    It 'says it saved the change in verbose output' {
        $verbose = Set-SfLmsMapping -LmsField department -Default 'Unassigned' -Verbose 4>&1 | Out-String
        $verbose | Should -Match "profile 'maps'"
    }

    It 'stops with SfLms.MappingInvalid listing an unknown Salesforce field, and changes nothing' {
        $before = Get-SfLmsMapping -LmsField department
        { Set-SfLmsMapping -LmsField department -Primary NoSuchField__c -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.MappingInvalid*'
        try { Set-SfLmsMapping -LmsField department -Primary NoSuchField__c -ErrorAction Stop } catch { $_.Exception.Message | Should -Match 'NoSuchField__c' }
        (Get-SfLmsMapping -LmsField department).Primary | Should -Be $before.Primary
    }

    It 'stops with SfLms.MappingInvalid for an LMS field the LMS does not have' {
        { Set-SfLmsMapping -LmsField noSuchLmsField -Primary Email -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.MappingInvalid*'
    }

    It 'does nothing with -WhatIf' {
        Set-SfLmsMapping -LmsField department -Default 'Other' -WhatIf
        (Get-SfLmsMapping -LmsField department).Default | Should -Be 'Unassigned'
    }

    It 'removes an optional mapping (round trip) and refuses a mandatory one' {
        Set-SfLmsMapping -LmsField group -Primary Department
        Get-SfLmsMapping -LmsField group | Remove-SfLmsMapping -Confirm:$false
        (Get-SfLmsMapping).LmsField | Should -Not -Contain 'group'
        Set-SfLmsMapping -LmsField group -Primary Department
        { Remove-SfLmsMapping -LmsField department -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.MappingInvalid*'
    }

    It 'stops with SfLms.NotConnected when not connected' {
        Disconnect-SfLms
        try { { Get-SfLmsMapping -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*' }
        finally { Connect-SfLms -Profile maps }
    }

    It 'keeps the mapping in the saved profile across connections' {
        Disconnect-SfLms
        Connect-SfLms -Profile maps
        (Get-SfLmsMapping -LmsField department).Default | Should -Be 'Unassigned'
    }
}
