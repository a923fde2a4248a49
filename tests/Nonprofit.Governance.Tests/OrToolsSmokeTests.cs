using Google.OrTools.LinearSolver;

namespace Nonprofit.Governance.Tests;

public class OrToolsSmokeTests
{
    [Fact]
    public void Glop_SolvesASmallLinearProgram_WithDuals()
    {
        // max 3x + 2y  s.t. x + y <= 4, x <= 3, x, y >= 0  ->  x = 3, y = 1, objective 11, dual of the first row 2.
        using var solver = Solver.CreateSolver("GLOP");
        var x = solver.MakeNumVar(0, 3, "x");
        var y = solver.MakeNumVar(0, double.PositiveInfinity, "y");
        var row = solver.MakeConstraint(double.NegativeInfinity, 4, "budget");
        row.SetCoefficient(x, 1);
        row.SetCoefficient(y, 1);
        var objective = solver.Objective();
        objective.SetCoefficient(x, 3);
        objective.SetCoefficient(y, 2);
        objective.SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        Assert.Equal(11, objective.Value(), 9);
        Assert.Equal(2, row.DualValue(), 9);
        Assert.Equal(GovernanceInfo.Name, "Nonprofit.Governance");
    }
}
