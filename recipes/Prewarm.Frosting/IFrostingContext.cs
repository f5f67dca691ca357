using Cake.Core;

namespace Cake.Frosting;

/// <summary>The context every task receives; derive from <see cref="FrostingContext"/> for a typed one.</summary>
public interface IFrostingContext : ICakeContext;
