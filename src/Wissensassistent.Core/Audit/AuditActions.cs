namespace Wissensassistent.Core.Audit;

/// <summary>The actions the audit trail records; stored as these ids, shown with <see cref="DisplayName"/>.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string AccountCreated = "account-created";
    public const string AccountDeleted = "account-deleted";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string RoleChanged = "role-changed";
    public const string GroupChanged = "group-changed";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string Upload = "upload";
    public const string UploadReplaced = "upload-replaced";
    public const string PermissionChanged = "permission-changed";
    public const string ReindexStarted = "reindex-started";
    public const string ReindexCancelled = "reindex-cancelled";
    public const string ReindexFinished = "reindex-finished";
    public const string ApiKeyIssued = "api-key-issued";
    public const string ApiKeyRevoked = "api-key-revoked";
    public const string FeedbackDecided = "feedback-decided";

    /// <summary>A question and its answer; recorded only when enabled, and the only kind of entry retention removes.</summary>
    public const string Question = "question";

    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, AccountCreated, AccountDeleted, AccountDisabled, AccountEnabled, RoleChanged, GroupChanged,
        PasswordReset, PasswordChanged, Upload, UploadReplaced, PermissionChanged, ReindexStarted, ReindexCancelled,
        ReindexFinished, ApiKeyIssued, ApiKeyRevoked, FeedbackDecided, Question,
    ];

    /// <summary>The German name the admin area shows.</summary>
    public static string DisplayName(string action) => action switch
    {
        SignIn => "Anmeldung",
        SignInFailed => "Anmeldung fehlgeschlagen",
        AccountCreated => "Konto angelegt",
        AccountDeleted => "Konto gelöscht",
        AccountDisabled => "Konto deaktiviert",
        AccountEnabled => "Konto aktiviert",
        RoleChanged => "Rolle geändert",
        GroupChanged => "Gruppen geändert",
        PasswordReset => "Passwort zurückgesetzt",
        PasswordChanged => "Eigenes Passwort geändert",
        Upload => "Dokument hochgeladen",
        UploadReplaced => "Dokument ersetzt",
        PermissionChanged => "Berechtigung geändert",
        ReindexStarted => "Neuindizierung gestartet",
        ReindexCancelled => "Neuindizierung abgebrochen",
        ReindexFinished => "Neuindizierung beendet",
        ApiKeyIssued => "API-Schlüssel ausgegeben",
        ApiKeyRevoked => "API-Schlüssel widerrufen",
        FeedbackDecided => "Rückmeldung entschieden",
        Question => "Frage und Antwort",
        _ => action,
    };
}
