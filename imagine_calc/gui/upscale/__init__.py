"""upscale."""
