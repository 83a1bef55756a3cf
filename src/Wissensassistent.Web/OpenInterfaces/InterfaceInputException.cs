namespace Wissensassistent.Web.OpenInterfaces;

/// <summary>Input an interface cannot use; the message is German and goes back to the caller as it is.</summary>
public sealed class InterfaceInputException(string message) : Exception(message);
