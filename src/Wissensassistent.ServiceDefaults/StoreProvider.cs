namespace Wissensassistent.ServiceDefaults;

public enum StoreProvider
{
    /// <summary>One SQLite file on disk; needs no server. The default.</summary>
    Embedded,

    /// <summary>Qdrant for production and scale-out.</summary>
    Qdrant,
}
