using Wissensassistent.Core.Jurisdiction;

namespace Wissensassistent.Core.Tests;

public sealed class GoverningLawsTests
{
    [Fact]
    public void WithGoverningLaws_NamedFederalLaw_AddsTheLandLawThatGovernsInItsPlace() =>
        Assert.Equal(["VwZG", "LVwZG"], ApplicableLaw.Default.WithGoverningLaws(["VwZG"]));

    [Theory]
    [InlineData("BauGB")]
    [InlineData("LVwVfG")]
    [InlineData("AO")]
    public void WithGoverningLaws_RuleForASectionRangeOrAContextOnly_AddsNothing(string law) =>
        Assert.Equal([law], ApplicableLaw.Default.WithGoverningLaws([law]));
}
