using System.Security.Cryptography;
using System.Text;

namespace LlmErs;

/// <summary>
/// The content address of one vector: the field's fingerprint (its template and dimensions), the model id and the
/// exact text. A prefix keeps embedding entries apart from chat answers in a shared cache.
/// </summary>
internal static class EmbeddingCacheKey
{
    public static CacheKey Create(string fingerprint, string modelId, string text)
    {
        var bytes = Encoding.UTF8.GetBytes($"llmers-embedding-v1\u001f{fingerprint}\u001f{modelId}\u001f{text}");
        return CacheKey.FromBytes(SHA256.HashData(bytes));
    }
}
