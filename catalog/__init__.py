"""The bundled price catalog (YAML), shipped inside the package as imagine_calc.catalog."""
