"""Icons, desktop file and samples, shipped inside the package as imagine_calc.resources."""
