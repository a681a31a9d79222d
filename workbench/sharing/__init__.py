"""Sharing between delegations: clean copies, redline and merge, rounds timeline, Ed25519 keys and signatures."""

from workbench.sharing.archive import SentArchive
from workbench.sharing.clean import Leak, ShareError, SharePackage, find_leaks, prepare_share, write_shared
from workbench.sharing.datadir import default_data_dir
from workbench.sharing.diff import ClauseDiff, ParameterChange, ScenarioDiff, compare
from workbench.sharing.keys import KeyFileError, Keyring, OwnKey, PublicKey
from workbench.sharing.merge import MergeError, MergeItem, MergePlan, accept, plan_merge, sender_of
from workbench.sharing.rounds import Round, TimelineEvent, timeline
from workbench.sharing.signing import (Origin, SignatureStatus, describe_origin, provenance, provenance_warnings,
                                      sign_scenario, tampering, verify_origin)

__all__ = [
    "ClauseDiff", "KeyFileError", "Keyring", "Leak", "MergeError", "MergeItem", "MergePlan", "Origin", "OwnKey",
    "ParameterChange", "PublicKey", "Round", "ScenarioDiff", "SentArchive", "ShareError", "SharePackage",
    "SignatureStatus", "TimelineEvent", "accept", "compare", "default_data_dir", "describe_origin", "find_leaks",
    "plan_merge", "prepare_share", "provenance", "provenance_warnings", "sender_of", "sign_scenario", "tampering",
    "timeline", "verify_origin", "write_shared",
]
