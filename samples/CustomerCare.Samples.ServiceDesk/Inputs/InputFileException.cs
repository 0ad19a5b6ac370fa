namespace CustomerCare.Samples.ServiceDesk.Inputs;

/// <summary>An input file cannot be read at all: it is missing, empty, or lacks a required column.</summary>
internal sealed class InputFileException(string message) : Exception(message);
