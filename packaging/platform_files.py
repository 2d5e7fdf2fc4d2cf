"""What macOS and Windows read from the bundle itself, made from the project's version and id.

Used by packaging/imagine-calc.spec on those systems, and tested on Linux, where neither can
be built: see the README for which platform is built and self-tested where.
"""

from __future__ import annotations

from typing import Any

NAME = "imagine-calc"
APP_ID = "io.github.imagine_calc.ImagineCalc"
#: The estimate's type on macOS. macOS types files by their last extension only (.json), so
#: an .icalc.json file is a public.json to Finder: the app claims JSON as an alternate editor,
#: offered under Open With, and exports its own type for files saved with it.
ESTIMATE_UTI = "io.github.imagine-calc.estimate"


def mac_info_plist(version: str) -> dict[str, Any]:
    """Info.plist entries for imagine-calc.app beyond what PyInstaller writes."""
    return {
        "CFBundleDisplayName": NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": "public.app-category.productivity",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "imagine-calc estimate",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [ESTIMATE_UTI],
            },
            {
                "CFBundleTypeName": "JSON document",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": ["public.json"],
            },
            {
                "CFBundleTypeName": "Image",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": ["public.image"],
            },
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": ESTIMATE_UTI,
                "UTTypeDescription": "imagine-calc estimate",
                "UTTypeConformsTo": ["public.json"],
                "UTTypeTagSpecification": {"public.filename-extension": ["icalc.json"]},
            }
        ],
    }


def windows_version_info(version: str) -> str:
    """A Windows version resource in PyInstaller's version-file syntax (Explorer's Details tab)."""
    parts = [int(p) for p in version.split(".")[:3] if p.isdigit()]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    strings = {
        "CompanyName": "The imagine-calc developers",
        "FileDescription": "imagine-calc: ImagineArt credit calculator",
        "FileVersion": version,
        "InternalName": NAME,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{NAME}.exe",
        "ProductName": NAME,
        "ProductVersion": version,
    }
    table = ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,\n"
        "    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        f"  kids=[StringFileInfo([StringTable('040904B0', [{table}])]),\n"
        "        VarFileInfo([VarStruct('Translation', [1033, 1200])])]\n"
        ")\n"
    )
