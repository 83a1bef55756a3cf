namespace Wissensassistent.Core.Drafts;

/// <summary>The tally of a <see cref="DraftCheckReport"/>, as the CLI, the REST API and the MCP tool report it.</summary>
public sealed record DraftCheckCounts(int Citations, int Resolved, int NotFound, int Repealed, int Displaced, int Quotations, int Verbatim, int Deviating);
