#Requires -Version 7.0
# Set-SfLmsConnectionOption, Get-SfLmsConnectionOption and Connect-SfLms's LMS options against the local Sandbox
# (iSpring, SCIM, SkyPrep), with saved profiles in TestDrive.

Describe 'Set-SfLmsConnectionOption, Get-SfLmsConnectionOption' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers and list labels.
        if ($PSStyle) { $script:savedRendering = $PSStyle.OutputRendering; $PSStyle.OutputRendering = 'PlainText' }
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox -Users 20
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring -Name conn -Save
        $script:profileFile = Join-Path $env:LMSSYNC_HOME 'profiles/conn/profile.json'
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
        if ($PSStyle) { $PSStyle.OutputRendering = $script:savedRendering }
    }

    It 'shows no option set on a new profile, and never a secret' {
        $options = Get-SfLmsConnectionOption
        $options | Should -BeOfType ([LmsSync.Core.Profiles.ConnectionOptionSettings])
        $options.Profile | Should -Be 'conn'
        "$($options.LmsType)" | Should -Be 'ISpring'
        $options.MaxConcurrency | Should -BeNullOrEmpty
        $options.SalesforceIdField | Should -BeNullOrEmpty
        $text = $options | Format-List * | Out-String -Width 300
        $text | Should -Not -Match ([regex]::Escape($sandbox.ispring.clientSecret))
    }

    It 'sets options, rebuilds the connection''s LMS client with them, and saves them' {
        $options = Set-SfLmsConnectionOption -MaxConcurrency 8 -SalesforceIdField 'Salesforce Id' -PassThru
        $options.MaxConcurrency | Should -Be 8
        $options.SalesforceIdField | Should -Be 'Salesforce Id'
        (Get-SfLmsConnection).LmsOptions.MaxConcurrency | Should -Be 8
        (Get-SfLmsConnectionOption).MaxConcurrency | Should -Be 8
        $saved = Get-Content -Raw $profileFile | ConvertFrom-Json
        $saved.Lms.Options.MaxConcurrency | Should -Be '8'
        $saved.Lms.Options.SalesforceIdField | Should -Be 'Salesforce Id'
        @(Get-SfLmsUser).Count | Should -BeGreaterThan 0
    }

    It 'shows the options set in the table, and in Get-SfLmsConnection''s list' {
        (Get-SfLmsConnectionOption | Out-String -Width 300) | Should -Match 'conn\s+ISpring\s+SalesforceIdField=Salesforce Id; MaxConcurrency=8'
        (Get-SfLmsConnection | Format-List | Out-String -Width 300) | Should -Match 'LmsOptions\s*:\s*SalesforceIdField=Salesforce Id; MaxConcurrency=8'
    }

    It 'says it saved the change in verbose output' {
        $verbose = Set-SfLmsConnectionOption -InvitationMessage 'Welcome to Acme Academy' -Verbose 4>&1 | Out-String
        $verbose | Should -Match "profile 'conn'"
    }

    It 'refuses an option the LMS does not read with SfLms.ConnectionOptionNotApplicable, and changes nothing' {
        $before = Get-Content -Raw $profileFile
        { Set-SfLmsConnectionOption -CustomLabels Region -MaxConcurrency 4 -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ConnectionOptionNotApplicable*'
        try { Set-SfLmsConnectionOption -CustomLabels Region -ErrorAction Stop } catch { $_.Exception.Message | Should -Match 'SkyPrep' }
        Get-Content -Raw $profileFile | Should -Be $before
        (Get-SfLmsConnectionOption).MaxConcurrency | Should -Be 8
    }

    It 'refuses a value out of range with SfLms.InvalidArgument' {
        { Set-SfLmsConnectionOption -MaxConcurrency 0 -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.InvalidArgument*'
        { Set-SfLmsConnectionOption -MaxConcurrency 65 -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.InvalidArgument*'
        (Get-SfLmsConnectionOption).MaxConcurrency | Should -Be 8
    }

    It 'refuses a Salesforce Id field the LMS lacks, naming the fields it has, and changes nothing' {
        $before = Get-Content -Raw $profileFile
        { Set-SfLmsConnectionOption -SalesforceIdField 'No Such Field' -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.LmsRequestFailed*'
        try { Set-SfLmsConnectionOption -SalesforceIdField 'No Such Field' -ErrorAction Stop } catch { $_.Exception.Message | Should -Match 'Salesforce Id' }
        Get-Content -Raw $profileFile | Should -Be $before
        (Get-SfLmsConnectionOption).SalesforceIdField | Should -Be 'Salesforce Id'
    }

    It 'stops with SfLms.InvalidArgument when nothing is given' {
        { Set-SfLmsConnectionOption -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.InvalidArgument*'
    }

    It 'does nothing with -WhatIf' {
        Set-SfLmsConnectionOption -MaxConcurrency 4 -WhatIf
        (Get-SfLmsConnectionOption).MaxConcurrency | Should -Be 8
        (Get-Content -Raw $profileFile | ConvertFrom-Json).Lms.Options.MaxConcurrency | Should -Be '8'
    }

    It 'removes options with -Clear and with an empty value' {
        $options = Set-SfLmsConnectionOption -Clear MaxConcurrency -InvitationMessage '' -PassThru
        $options.MaxConcurrency | Should -BeNullOrEmpty
        $options.InvitationMessage | Should -BeNullOrEmpty
        $options.SalesforceIdField | Should -Be 'Salesforce Id'
        $saved = Get-Content -Raw $profileFile | ConvertFrom-Json
        ($saved.Lms.Options.PSObject.Properties.Name -join ',') | Should -Be 'SalesforceIdField'
    }

    It 'changes a saved profile that is not connected, without its secrets, and leaves the connection as it is' {
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType Scim -Name other -Save
        Connect-SfLms -Profile conn

        $options = Set-SfLmsConnectionOption -Profile other -AdministratorGroup 'LMS Administrators' -MaxConcurrency 6 -PassThru

        $options.Profile | Should -Be 'other'
        $options.AdministratorGroup | Should -Be 'LMS Administrators'
        (Get-SfLmsConnectionOption -Profile other).MaxConcurrency | Should -Be 6
        (Get-SfLmsProfile -Name other).LmsOptions.MaxConcurrency | Should -Be 6
        (Get-SfLmsConnection).Profile | Should -Be 'conn'
        (Get-SfLmsConnectionOption).MaxConcurrency | Should -BeNullOrEmpty
        { Set-SfLmsConnectionOption -Profile other -InvitationMessage 'Hi' -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ConnectionOptionNotApplicable*'
        { Set-SfLmsConnectionOption -Profile nosuchprofile -MaxConcurrency 4 -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ProfileNotFound*'
    }

    It 'keeps a saved profile''s options when connecting over it, the ones given winning' {
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType Scim -Name other -Save -WelcomeEmailAttribute 'urn:lmssync:params:scim:schemas:extension:welcome:2.0:User:sendWelcomeEmail' -MaxConcurrency 5

        $options = Get-SfLmsConnectionOption
        $options.Profile | Should -Be 'other'
        $options.AdministratorGroup | Should -Be 'LMS Administrators'
        $options.MaxConcurrency | Should -Be 5
        $options.WelcomeEmailAttribute | Should -Match 'sendWelcomeEmail$'
    }

    It 'Connect-SfLms refuses an option the LMS does not read before signing in' {
        { Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType SkyPrep -MaxConcurrency 4 -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ConnectionOptionNotApplicable*'
        (Get-SfLmsConnection).Profile | Should -Be 'other'
        $connection = Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType SkyPrep -CustomLabels Region, 'Cost Centre' -PassThru
        ($connection.LmsOptions.CustomLabels -join ',') | Should -Be 'Region,Cost Centre'
        ((Get-SfLmsConnectionOption).CustomLabels -join ',') | Should -Be 'Region,Cost Centre'
    }

    It 'stops with SfLms.NotConnected without a connection or -Profile' {
        Disconnect-SfLms
        { Set-SfLmsConnectionOption -MaxConcurrency 4 -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*'
        { Get-SfLmsConnectionOption -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*'
    }
}
