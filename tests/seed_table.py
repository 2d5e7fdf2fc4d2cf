"""An independent transcription of ImagineArt's "Image Credits" table (shared/seed/image-credits.md).

Typed by hand from the page, not read from catalog/, so that the tests compare
the catalog against the source rather than against itself.
"""

from decimal import Decimal as D

# name: (prices by tier as the page gives them, or None for "See tooltip";
#        max resolution or None for "See tooltip"; aspect ratios as listed)
SEED_MODELS = {
    "ImagineArt 2.0": (
        D(25),
        None,
        "1:1, 9:16, 16:9, 3:2, 2:3, 4:3, 3:4, 3:1, 1:3, 21:9, 4:5, 5:4, 4:1, 1:4",
    ),
    "Nano Banana 2": (
        {"1K": D(49), "2K": D("73.5"), "4K": D(98)},
        "4K",
        "1:1, 4:3, 3:4, 3:2, 2:3, 5:4, 4:5, 9:16, 16:9, 21:9",
    ),
    "ImagineArt 1.5": (D(15), "2K", "1:1, 4:3, 3:4, 1:3, 3:1, 2:3, 3:2, 9:16, 16:9"),
    "ImagineArt 1.5 Pro": (D(25), "4K", "1:1, 4:3, 3:4, 1:3, 3:1, 2:3, 3:2, 9:16, 16:9"),
    "Nano Banana Pro": (
        {"1K": D(80), "2K": D(80), "4K": D(160)},
        "4K",
        "1:1, 4:3, 3:4, 3:2, 2:3, 5:4, 4:5, 9:16, 16:9, 21:9",
    ),
    "ChatGPT Image 2": (D(6), "4K", "1:1, 3:4, 4:3, 9:16, 16:9, 3:2, 21:9"),
    "ChatGPT 1.5": (D(35), "1K", "1:1, 2:3, 3:2"),
    "Seedream v5 Lite": (D(20), "3K", "1:1, 4:3, 3:4, 2:3, 3:2, 9:16, 16:9"),
    "Recraft v4": (D(24), None, "1:1, 4:3, 3:4, 16:9, 9:16"),
    "Recraft v4 Pro": (D(150), None, "1:1, 3:4, 4:3, 9:16, 16:9"),
    "xAI Grok Imagine": (D(12), None, "1:1, 3:4, 4:3, 2:3, 3:2, 9:16, 16:9"),
    "Flux 2 Max": (D(50), None, "1:1, 3:4, 4:3, 9:16, 16:9"),
    "Flux 2 Pro": (D(28), "2K", "1:1, 3:2, 2:3, 5:4, 4:5, 9:16, 16:9"),
    "Z Image Turbo": (D(5), None, "1:1, 4:3, 3:4, 1:3, 3:1, 2:3, 3:2, 9:16, 16:9"),
    "Seedream v4.5": (D(24), "4K", "1:1, 4:3, 3:4, 2:3, 3:2, 9:16, 16:9"),
    "Flux 1.1 Ultra": (D(36), "2K", "1:1, 4:3, 3:4, 3:2, 2:3, 9:16, 16:9"),
    "ChatGPT": (D(45), "1K", "1:1, 2:3, 3:2"),
    "Nano Banana": (D(24), "1K", "1:1, 4:3, 3:4, 3:2, 2:3, 5:4, 4:5, 9:16, 16:9"),
    "Midjourney V7": (None, None, "1:1, 4:3, 3:4, 9:16, 16:9"),
    "Dreamina 3.1": (D(18), "2K", "1:1, 4:3, 3:4, 9:16, 16:9"),
    "Ideogram v3": (D(25), "1K", "1:1, 4:3, 3:4, 9:16, 16:9"),
    "Flux Dev": (D(5), "1K", "1:1, 3:4, 2:3, 3:2, 5:4, 9:16, 16:9"),
    "Qwen Image": (D(24), "1K", "1:1, 4:3, 3:4, 9:16, 16:9"),
    "Minimax Image": (D(6), "1K", "1:1, 4:3, 3:4, 3:2, 2:3, 9:16, 16:9"),
    "Seedream v4": (D(18), "4K", "1:1, 4:3, 3:4, 2:3, 3:2, 9:16, 16:9"),
}

SEED_MAGNIFIC = {2: D(65), 4: D(260), 8: D(520), 16: D(1040)}
SEED_TOPAZ_FACTORS = {2: D(1), 4: D(3)}

# The resolutions the page names: "2K and 4K outputs cost more than 1K", tier prices for
# 1K/2K/4K, and 3K only as Seedream v5 Lite's maximum ("Up to 3K"). A model with one base
# price offers these up to its "Max resolution"; "See tooltip" (unknown) offers 1K, 2K and 4K.
SEED_TIERS_UP_TO = {
    "1K": ("1K",),
    "2K": ("1K", "2K"),
    "3K": ("1K", "2K", "3K"),
    "4K": ("1K", "2K", "4K"),
    None: ("1K", "2K", "4K"),
}
# "Credits shown are the base cost for generating 1 image", at 1K: above it, the least it costs.
SEED_BASE_TIER = "1K"
