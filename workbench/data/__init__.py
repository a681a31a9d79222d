"""The embedded dataset (resources/data): every number with its source and a confidence flag."""

from workbench.data.loader import load_dataset, load_dataset_from
from workbench.data.model import CONFIDENCE_LEVELS, Dataset, MineralData, Sourced
from workbench.data.tables import DatasetError

__all__ = ["CONFIDENCE_LEVELS", "Dataset", "DatasetError", "MineralData", "Sourced", "load_dataset",
           "load_dataset_from"]
