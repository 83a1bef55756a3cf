[assembly: AssemblyFixture(typeof(Wissensassistent.Cli.Tests.IngestedCorpus))]
