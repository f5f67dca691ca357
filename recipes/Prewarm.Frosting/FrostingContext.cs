using Cake.Core;

namespace Cake.Frosting;

/// <summary>A Cake context built from the host's services. Derive from it to add typed state;
/// the derived class is resolved from the container, so its constructor may take services.</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context), IFrostingContext;
