namespace CustomerCare;

/// <summary>
/// A service registered once by the first <c>AddCustomerCare</c> call, so later calls see that the shared services
/// exist and only apply their configuration.
/// </summary>
internal sealed class CustomerCareMarker;
