using Microsoft.Extensions.Options;

namespace CustomerCare;

/// <summary>Checks the data annotations of <see cref="CustomerCareOptions"/>; the options source generator writes the body.</summary>
[OptionsValidator]
internal sealed partial class CustomerCareOptionsValidator : IValidateOptions<CustomerCareOptions>;
