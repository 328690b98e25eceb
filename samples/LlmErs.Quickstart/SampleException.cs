namespace LlmErs.Quickstart;

/// <summary>
/// A mistake in what the sample was given (arguments, environment, data folder). Its message says what is wrong and
/// what to do; the sample prints it without a stack trace and exits with code 2.
/// </summary>
internal sealed class SampleException(string message, Exception? innerException = null) : Exception(message, innerException);
