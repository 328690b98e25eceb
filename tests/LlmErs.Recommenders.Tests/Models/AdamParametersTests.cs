using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class AdamParametersTests
{
    /// <summary>The batched form, which fetches rows ahead into cache, updates exactly the rows kept, to the bits of one row at a time.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UpdateRows_GivesTheBitsOfUpdatingEachKeptRowInTurn(bool withKeep)
    {
        const int Columns = 19;
        int[] rows = [41, 3, 17, 0, 29, 8, 33, 12, 25];
        bool[] keep = [true, false, true, true, false, true, true, true, false];
        var random = new Random(5);
        var gradients = Enumerable.Range(0, rows.Length * Columns).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var (batched, oneByOne) = (Parameters(Columns), Parameters(Columns));

        for (var step = 1; step <= 3; step++)
        {
            var size = AdamParameters.StepSize(0.01f, step);
            batched.UpdateRows(rows, gradients, size, withKeep ? keep : default);
            for (var k = 0; k < rows.Length; k++)
            {
                if (!withKeep || keep[k])
                {
                    oneByOne.UpdateRow(rows[k], gradients.AsSpan(k * Columns, Columns), size);
                }
            }
        }

        Assert.Equal(oneByOne.Values, batched.Values);
        var untouched = Parameters(Columns);
        Assert.Equal(withKeep ? 6 : 9, Enumerable.Range(0, 48).Count(row => !batched.GetRow(row).SequenceEqual(untouched.GetRow(row))));
    }

    private static AdamParameters Parameters(int columns)
    {
        var parameters = new AdamParameters(48, columns);
        var random = new Random(11);
        for (var i = 0; i < parameters.Values.Length; i++)
        {
            parameters.Values[i] = (float)random.NextDouble();
        }

        return parameters;
    }
}
