namespace Wissensassistent.Core.Audit;

/// <summary>Actors that are no account. Account names are plain user names, so these are set apart by brackets.</summary>
public static class AuditActors
{
    /// <summary>The application itself: start-up, the first administrator, the outcome of a run.</summary>
    public const string System = "(System)";

    /// <summary>A failed sign-in under a name no account has: the typed name is not kept, it may be a mistyped password.</summary>
    public const string UnknownName = "(unbekannter Name)";

    /// <summary>Someone asking without signing in.</summary>
    public const string Anonymous = "(anonym)";
}
