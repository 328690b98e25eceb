namespace LlmErs.Serving.Models;

/// <summary>The host cannot start or reload: a model folder or file is missing or unreadable. The message says how to fix it.</summary>
public sealed class ServingSetupException(string message, Exception? inner = null) : Exception(message, inner);
