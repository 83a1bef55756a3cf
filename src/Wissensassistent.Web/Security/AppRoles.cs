namespace Wissensassistent.Web.Security;

/// <summary>The roles of the app; a user has exactly one.</summary>
public static class AppRoles
{
    /// <summary>Sachbearbeitung: asks questions, reads norms.</summary>
    public const string Staff = "Staff";

    /// <summary>Rechtsprüfung: also reviews feedback such as „Zitat falsch“.</summary>
    public const string LegalOfficer = "LegalOfficer";

    /// <summary>Verwaltung: also the admin area (corpus, reindexing, uploads, users).</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Staff, LegalOfficer, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>The German name staff see.</summary>
    public static string DisplayName(string role) => role switch
    {
        Staff => "Sachbearbeitung",
        LegalOfficer => "Rechtsprüfung",
        Admin => "Verwaltung",
        _ => role,
    };
}
