using Wissensassistent.Core.Citations;
using Wissensassistent.Core.Documents;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Core.Tests;

public sealed class LawNameResolverTests
{
    [Theory]
    [InlineData("BauGB", "BauGB")]
    [InlineData("baugb", "BauGB")]
    [InlineData("Baugesetzbuch", "BauGB")]
    [InlineData("BBauG", "BauGB")]
    [InlineData("Bürgerliches Gesetzbuch", "BGB")]
    [InlineData("Bürgerlichen Gesetzbuchs", "BGB")]
    [InlineData("SGB X", "SGB X")]
    [InlineData("sgbx", "SGB X")]
    [InlineData("SGB 10", "SGB X")]
    [InlineData("Zehntes Buch Sozialgesetzbuch", "SGB X")]
    [InlineData("Sozialgesetzbuch Zehntes Buch", "SGB X")]
    [InlineData("Gemeindeordnung", "GemO")]
    [InlineData("Gemeindeordnung für Baden-Württemberg", "GemO")]
    [InlineData("Hundesteuersatzung", "Hundesteuersatzung Bad Boll")]
    [InlineData("hundesteuersatzung bad boll", "Hundesteuersatzung Bad Boll")]
    [InlineData("Grundgesetz", "GG")]
    public void Resolve_AnyNameOfAStoreLaw_GivesItsAbbreviation(string name, string? expected)
    {
        Assert.Equal(expected, TestLaws.Resolver.Resolve(name));
    }

    [Fact]
    public void Resolve_NameOfTwoLaws_ResolvesToNeither()
    {
        Assert.Null(TestLaws.Resolver.Resolve("Hauptsatzung"));
        Assert.Equal("Hauptsatzung Bad Boll", TestLaws.Resolver.Resolve("Hauptsatzung Bad Boll"));
    }

    [Theory]
    [InlineData("Straßenverkehrsordnung")]
    [InlineData("Satzung")]
    [InlineData("Gesetz")]
    [InlineData("X")]
    [InlineData("")]
    public void Resolve_UnknownOrGenericName_ReturnsNull(string name)
    {
        Assert.Null(TestLaws.Resolver.Resolve(name));
    }

    [Fact]
    public void StoreResolver_AddsBuiltInNamesOnlyForLawsTheStoreHolds()
    {
        var resolver = new LawNameResolver([new LawInfo("BGB", "BGB", [], Level.Bund, DocumentType.Gesetz, null, 1)]);

        Assert.Equal("BGB", resolver.Resolve("Bürgerliches Gesetzbuch"));
        Assert.Null(resolver.Resolve("Baugesetzbuch"));
        Assert.Equal(["BGB"], resolver.Laws);
    }

    [Fact]
    public void StoreResolver_AStatusInParenthesesIsNoNameOfTheLaw()
    {
        // "(aufgehoben)" closes the title of a repealed bylaw; read as a name, "§§ 1760, 1763 aufgehoben" in the BGB cited it.
        var resolver = new LawNameResolver([
            new LawInfo("Aufhebung Satzung Jagdsteuer LK Göppingen", "Satzung über die Erhebung der Jagdsteuer im Landkreis Göppingen (aufgehoben)", [], Level.Kommune, DocumentType.Satzung, null, 1),
            new LawInfo("Hundesteuersatzung Bad Boll", "Satzung über die Erhebung der Hundesteuer (Hundesteuersatzung)", [], Level.Kommune, DocumentType.Satzung, null, 1)]);

        Assert.Null(resolver.Resolve("aufgehoben"));
        Assert.Empty(resolver.FindLaws("Das Annahmeverhältnis kann nur in den Fällen der §§ 1760, 1763 aufgehoben werden."));
        Assert.Equal("Hundesteuersatzung Bad Boll", resolver.Resolve("Hundesteuersatzung"));
    }

    [Fact]
    public void StoreResolver_KeepsTheStoresSpelling()
    {
        var resolver = new LawNameResolver([new LawInfo("SGB 10", "Sozialverwaltungsverfahren", [], Level.Bund, DocumentType.Gesetz, null, 1)]);

        Assert.Equal("SGB 10", resolver.Resolve("SGB X"));
        Assert.Equal("SGB 10", resolver.Resolve("Zehntes Buch Sozialgesetzbuch"));
    }

    [Fact]
    public void BuiltIn_KnowsFederalAndStateLaws()
    {
        Assert.Equal("VwVfG", LawNameResolver.BuiltIn.Resolve("Verwaltungsverfahrensgesetz"));
        Assert.Equal("LBO", LawNameResolver.BuiltIn.Resolve("Landesbauordnung für Baden-Württemberg"));
        Assert.Equal("SGB II", LawNameResolver.BuiltIn.Resolve("SGB 2"));
        Assert.Null(LawNameResolver.Empty.Resolve("BauGB"));
    }

    [Theory]
    [InlineData("GG", NormKind.Article)]
    [InlineData("BauGB", NormKind.Paragraph)]
    [InlineData("Unbekannt", NormKind.Paragraph)]
    public void DefaultKindOf_KnowsArticleLaws(string law, NormKind expected)
    {
        Assert.Equal(expected, TestLaws.Resolver.DefaultKindOf(law));
        Assert.Equal(expected, LawNameResolver.Empty.DefaultKindOf(law));
    }

    [Theory]
    [InlineData("BauGB", "baugb")]
    [InlineData("SGB X", "sgbx")]
    [InlineData("PaßG", "passg")]
    public void TermOf_IsTheFoldedAbbreviationWithoutSpaces(string law, string term)
    {
        Assert.Equal(term, LawNameResolver.TermOf(law));
    }

    [Fact]
    public void FindLaws_NamesWithoutSection_InOrderOfMention()
    {
        var laws = TestLaws.Resolver.FindLaws("Bis wann muss nach der GemO der Jahresabschluss stehen, und was sagt das Baugesetzbuch?");

        Assert.Equal(["GemO", "BauGB"], laws);
        Assert.Empty(TestLaws.Resolver.FindLaws("Wann ist der Gemeinderat beschlussfähig?"));
    }
}
