#Requires -Version 7.0
# Connect-SfLms, Disconnect-SfLms and Get-SfLmsConnection against the local Sandbox; profiles live in TestDrive.

Describe 'Connect-SfLms' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox -Users 50
        $sf = $sandbox.salesforce
        function script:Secure([string] $text) { ConvertTo-SecureString -String $text -AsPlainText -Force }
        # The JWT sign-in of the Sandbox's integration user, as a real org would be connected.
        $script:jwt = @{
            SalesforceUrl       = $sf.loginUrl
            ClientId            = $sf.clientId
            Username            = $sf.username
            CertificatePath     = $sf.certificatePath
            CertificatePassword = (Secure $sf.certificatePassword)
        }
        $script:ispring = @{
            LmsType       = 'ISpring'
            LmsUrl        = $sandbox.ispring.url
            LmsCredential = [pscredential]::new($sandbox.ispring.clientId, (Secure $sandbox.ispring.clientSecret))
        }
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }
    AfterEach { Disconnect-SfLms -ErrorAction SilentlyContinue }

    It 'connects to the Sandbox with <LmsType> and returns a typed connection' -ForEach @(
        @{ LmsType = 'SkyPrep' }, @{ LmsType = 'ISpring' }, @{ LmsType = 'Scim' }
    ) {
        $connection = Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType $LmsType -PassThru
        $connection | Should -BeOfType ([LmsSync.PowerShell.Models.SfLmsConnection])
        "$($connection.LmsType)" | Should -Be $LmsType
        $connection.OrganizationId | Should -Not -BeNullOrEmpty
        $connection.InstanceUrl | Should -Not -BeNullOrEmpty
        $connection.Saved | Should -BeFalse
        (Get-SfLmsConnection).Profile | Should -Be 'default'
    }

    It 'is silent without -PassThru' {
        Connect-SfLms -SandboxInfo $sandbox.InfoPath | Should -BeNullOrEmpty
    }

    It 'connects with the JWT certificate-file parameter set and an LMS credential' {
        $connection = Connect-SfLms @jwt @ispring -PassThru
        "$($connection.SignIn)" | Should -Be 'JwtCertificateFile'
        $connection.SalesforceUser | Should -Be $sandbox.salesforce.username
    }

    It 'saves a named profile without any secret in profile.json, and opens it again with -Profile' {
        Connect-SfLms @jwt @ispring -Name acme -Save
        $file = Join-Path $env:LMSSYNC_HOME 'profiles/acme/profile.json'
        $file | Should -Exist
        $json = Get-Content -Raw $file
        $json | Should -Not -Match ([regex]::Escape($sandbox.salesforce.certificatePassword))
        $json | Should -Not -Match ([regex]::Escape($sandbox.ispring.clientSecret))
        Disconnect-SfLms
        $connection = Connect-SfLms -Profile acme -PassThru
        $connection.Profile | Should -Be 'acme'
        $connection.Saved | Should -BeTrue
    }

    It 'warns about the legacy username-password sign-in' {
        $credential = [pscredential]::new($sandbox.salesforce.username, (Secure $sandbox.salesforce.password))
        $null = Connect-SfLms -SalesforceUrl $sandbox.salesforce.loginUrl -ClientId $sandbox.salesforce.clientId -Credential $credential `
            -SecurityToken (Secure $sandbox.salesforce.securityToken) -ClientSecret (Secure $sandbox.salesforce.clientSecret) @ispring `
            -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join ' ') | Should -Match 'legacy'
    }

    It 'stops with SfLms.ProfileNotFound for an unknown profile' {
        { Connect-SfLms -Profile nosuchprofile -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ProfileNotFound*'
    }

    It 'stops with SfLms.InsecureEndpoint for a plain-http LMS on another machine' {
        $insecure = $ispring.Clone(); $insecure.LmsUrl = 'http://lms.example.com/api'
        { Connect-SfLms @jwt @insecure -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.InsecureEndpoint*'
    }

    It 'stops with SfLms.SalesforceAuthenticationFailed for an unknown Salesforce user' {
        $wrong = $jwt.Clone(); $wrong.Username = 'nobody@example.invalid'
        { Connect-SfLms @wrong @ispring -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.SalesforceAuthenticationFailed*'
    }

    It 'stops with SfLms.LmsAuthenticationFailed for a wrong LMS secret, and stays disconnected' {
        $wrong = $ispring.Clone(); $wrong.LmsCredential = [pscredential]::new($sandbox.ispring.clientId, (Secure 'not-the-secret'))
        { Connect-SfLms @jwt @wrong -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.LmsAuthenticationFailed*'
        { Get-SfLmsConnection -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*'
    }

    It 'never echoes a secret in verbose output' {
        $verbose = Connect-SfLms @jwt @ispring -Verbose 4>&1 | Out-String
        $verbose | Should -Not -Match ([regex]::Escape($sandbox.ispring.clientSecret))
        $verbose | Should -Not -Match ([regex]::Escape($sandbox.salesforce.certificatePassword))
    }
}

Describe 'Get-SfLmsConnection and Disconnect-SfLms' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home2'
        $script:sandbox = Start-LmsSyncSandbox -Users 20
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'shows the connection as a table with Profile, Salesforce, LmsType and Saved' {
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType Scim
        $text = Get-SfLmsConnection | Out-String
        ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match '^Profile\s+Salesforce\s+SalesforceUser\s+LmsType\s+LmsUrl\s+Saved'
    }

    It 'Disconnect-SfLms -PassThru returns what it closed, then Get-SfLmsConnection stops with SfLms.NotConnected' {
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType SkyPrep
        (Disconnect-SfLms -PassThru).LmsType | Should -Be 'SkyPrep'
        { Get-SfLmsConnection -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*'
        Disconnect-SfLms | Should -BeNullOrEmpty
    }
}
