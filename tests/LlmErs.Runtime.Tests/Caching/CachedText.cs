using System.Text;
using LlmErs;

namespace LlmErs.Runtime.Tests.Caching;

/// <summary>Answers as the tests write and read them: the UTF-8 bytes the engine stores.</summary>
internal static class CachedText
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Of(CacheLookup lookup) => Encoding.UTF8.GetString(lookup.Value.Span);
}
