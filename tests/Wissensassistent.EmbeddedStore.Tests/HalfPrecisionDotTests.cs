using System.Numerics.Tensors;
using Wissensassistent.EmbeddedStore.Indexing;

namespace Wissensassistent.EmbeddedStore.Tests;

/// <summary>
/// <see cref="VectorBuffer.Dot"/> widens half-precision rows by bits instead of through a buffer: it must give the
/// dot product of exactly the stored values, whatever the dimension and whichever halves occur (subnormals, zeros of
/// both signs, the largest and smallest normalised components).
/// </summary>
public sealed class HalfPrecisionDotTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(384)]
    [InlineData(1024)]
    public void Dot_EqualsTheDotProductOfTheWidenedValues(int dimension)
    {
        var random = new Random(dimension);
        var special = new[] { Half.Epsilon, -Half.Epsilon, (Half)0f, (Half)(-0f), (Half)1f, (Half)(-1f), (Half)6.1e-5f, (Half)(-3e-7f), Half.MaxValue };
        for (var trial = 0; trial < 50; trial++)
        {
            var row = new Half[dimension];
            var query = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                // Components across many orders of magnitude, so that subnormal halves occur as well as normal ones.
                row[i] = random.Next(8) == 0
                    ? special[random.Next(special.Length)]
                    : (Half)((random.NextDouble() - 0.5) * Math.Pow(10, -random.Next(7)));
                query[i] = (float)(random.NextDouble() - 0.5);
            }

            var widened = new float[dimension];
            TensorPrimitives.ConvertToSingle(row, widened);
            var expected = 0.0;
            for (var i = 0; i < dimension; i++)
            {
                expected += (double)widened[i] * query[i];
            }

            var magnitude = 0.0;
            for (var i = 0; i < dimension; i++)
            {
                magnitude += Math.Abs((double)widened[i] * query[i]);
            }

            // Single-precision sums in another order: equal up to rounding relative to the terms' size.
            Assert.Equal(expected, VectorBuffer.Dot(row, query), Math.Max(1e-6, magnitude * 1e-5));
        }
    }

    [Fact]
    public void Dot_OfASubnormalHalf_IsItsExactValue()
    {
        // The smallest subnormal half is 2^-24; widened by shifting alone it would read as 2^-136.
        var row = Enumerable.Repeat(Half.Epsilon, 64).ToArray();
        var query = Enumerable.Repeat(1f, 64).ToArray();

        Assert.Equal(64 * Math.Pow(2, -24), VectorBuffer.Dot(row, query), 1e-15);
    }
}
