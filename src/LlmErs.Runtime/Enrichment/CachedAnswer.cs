using System.Text;

namespace LlmErs;

/// <summary>
/// The cached form of a validated answer: the UTF-8 bytes of its JSON (<c>{"value": …}</c>). One place for both
/// directions, so that what the engine writes is what it reads back.
/// </summary>
internal static class CachedAnswer
{
    public static byte[] Encode(string answerJson) => Encoding.UTF8.GetBytes(answerJson);

    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
