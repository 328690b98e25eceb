using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace LlmErs.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots. A mismatch writes <c>NAME.received.cs</c> beside <c>NAME.approved.cs</c> and fails; a
/// missing approved file fails too. Review the received file, then rename it, or run the tests with
/// <c>LLMERS_ACCEPT_SNAPSHOTS=1</c> to accept every received file at once.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "LLMERS_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Approved");
        var approved = Path.Combine(folder, name + ".approved.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = actual.ReplaceLineEndings("\n");

        if (File.Exists(approved) && File.ReadAllText(approved).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approved, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(File.Exists(approved)
            ? $"Snapshot '{name}' differs from {approved}. Compare it with {received}; if the change is intended, accept it (rename, or set {AcceptVariable}=1)."
            : $"Snapshot '{name}' has no approved file. Review {received} and accept it (rename to .approved.cs, or set {AcceptVariable}=1).");
    }
}
