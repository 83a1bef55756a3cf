using Wissensassistent.Core.Jurisdiction;

namespace Wissensassistent.Core.Tests;

public sealed class PrecedenceRuleTests
{
    private static readonly PrecedenceRule TaxCodeOutsideLevies =
        new("Baden-Württemberg", "AO", null, "LVwVfG", ["LVwVfG", "VwVfG", "!KAG", "!*steuer*"], [], "");

    [Fact]
    public void When_PlainPatternsAreContext_PatternsAfterAnExclamationMarkExclude()
    {
        Assert.True(TaxCodeOutsideLevies.NeedsContext);
        Assert.True(TaxCodeOutsideLevies.IsContext("LVwVfG"));
        Assert.False(TaxCodeOutsideLevies.IsContext("KAG"));
        Assert.True(TaxCodeOutsideLevies.IsExcludedBy("KAG"));
        Assert.True(TaxCodeOutsideLevies.IsExcludedBy("Hundesteuersatzung Bad Boll"));
        Assert.False(TaxCodeOutsideLevies.IsExcludedBy("LVwVfG"));
    }

    [Fact]
    public void When_OnlyExcludingPatterns_TheRuleNeedsNoContext() =>
        Assert.False(new PrecedenceRule("Baden-Württemberg", "AO", null, "LVwVfG", ["!KAG"], [], "").NeedsContext);
}
