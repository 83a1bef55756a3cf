namespace Wissensassistent.ServiceDefaults;

/// <summary>Which store backs the knowledge base (section "Store").</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Embedded;
}
