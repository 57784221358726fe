using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pipeline.Tracking.Tests.Stores.Infrastructure;

/// <summary>
/// A fact of the shared store contract. The same method runs once per store class; in a class marked
/// <see cref="IPostgresTests"/> it is reported as skipped (with the reason) when no PostgreSQL server is configured.
/// </summary>
[XunitTestCaseDiscoverer("Pipeline.Tracking.Tests.Stores.Infrastructure.StoreFactDiscoverer", "Pipeline.Tracking.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
    [
        new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod),
    ];
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var testClass = TestMethod.TestClass.Class.ToRuntimeType();
        return typeof(IPostgresTests).IsAssignableFrom(testClass) && PostgresTestEnvironment.Uri is null
            ? PostgresTestEnvironment.SkipMessage
            : base.GetSkipReason(factAttribute);
    }
}
