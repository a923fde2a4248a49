namespace Fetosense.Monitor.Device;

/// <summary>A quarter of a second from the device: the Doppler audio of that time and the 4 Hz side channels.</summary>
/// <param name="Audio">The demodulated Doppler audio.</param>
/// <param name="UterineActivity">TOCO, or NaN when the device has no TOCO sensor.</param>
/// <param name="MaternalHeartRate">The mother's pulse in bpm, or NaN when there is no maternal sensor.</param>
internal readonly record struct DeviceFrame(ReadOnlyMemory<float> Audio, float UterineActivity, float MaternalHeartRate);
