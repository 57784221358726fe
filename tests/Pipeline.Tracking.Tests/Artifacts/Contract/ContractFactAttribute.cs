using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pipeline.Tracking.Tests.Artifacts.Contract;

/// <summary>
/// A fact of a contract suite that runs once per derived class; skipped, with the reason, in a class whose
/// <see cref="RequiresVariableAttribute"/> names a variable that is not set.
/// </summary>
[XunitTestCaseDiscoverer("Pipeline.Tracking.Tests.Artifacts.Contract.ContractFactDiscoverer", "Pipeline.Tracking.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
    [
        new ContractTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod),
    ];
}

public sealed class ContractTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var missing = TestMethod.TestClass.Class.ToRuntimeType().GetCustomAttributes<RequiresVariableAttribute>(inherit: true).FirstOrDefault(a => !a.IsSet);
        return missing?.SkipMessage ?? base.GetSkipReason(factAttribute);
    }
}
