"""Pactes and contrats de cohésion territoriale: territory, money, axes and progress."""
