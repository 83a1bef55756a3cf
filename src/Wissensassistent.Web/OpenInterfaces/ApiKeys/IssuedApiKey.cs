namespace Wissensassistent.Web.OpenInterfaces.ApiKeys;

/// <summary>A key just issued: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
