using LlmErs;
using Xunit;

namespace LlmErs.Runtime.Tests.Caching;

public sealed class CacheKeyTests
{
    private static readonly (string Role, string Text)[] s_system = [("system", "Be brief.")];

    [Fact]
    public void EqualInputsGiveEqualKeys()
    {
        var first = Key("f1", "m1", "o1", s_system, "Hello");
        var second = Key("f1", "m1", "o1", [.. s_system], "Hello");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(64, first.ToString().Length);
        Assert.Equal(first, CacheKey.FromBytes(first.Bytes));
    }

    [Fact]
    public void EveryPartChangesTheKey()
    {
        var baseline = Key("f1", "m1", "o1", s_system, "Hello");

        Assert.NotEqual(baseline, Key("f2", "m1", "o1", s_system, "Hello"));
        Assert.NotEqual(baseline, Key("f1", "m2", "o1", s_system, "Hello"));
        Assert.NotEqual(baseline, Key("f1", "m1", "o2", s_system, "Hello"));
        Assert.NotEqual(baseline, Key("f1", "m1", "o1", [("system", "Be brief!")], "Hello"));
        Assert.NotEqual(baseline, Key("f1", "m1", "o1", [("developer", "Be brief.")], "Hello"));
        Assert.NotEqual(baseline, Key("f1", "m1", "o1", s_system, "Hello!"));
        Assert.NotEqual(baseline, CacheKeyPrefix.Create("f1", "m1", "o1", s_system).Complete("assistant", "Hello"));
    }

    [Fact]
    public void PartsCannotBleedIntoEachOther()
    {
        Assert.NotEqual(Key("ab", "c", "o", [], "x"), Key("a", "bc", "o", [], "x"));
        Assert.NotEqual(Key("f", "m", "o", [("system", "ab")], "c"), Key("f", "m", "o", [("system", "a")], "bc"));
    }

    [Fact]
    public void FromBytesRejectsTheWrongLength()
    {
        var error = Assert.Throws<ArgumentException>(() => CacheKey.FromBytes(new byte[31]));
        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
    }

    private static CacheKey Key(string fingerprint, string model, string options, (string Role, string Text)[] leading, string prompt) =>
        CacheKeyPrefix.Create(fingerprint, model, options, leading).Complete("user", prompt);
}
