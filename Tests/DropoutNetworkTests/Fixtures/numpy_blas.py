"""Which BLAS numpy multiplies with, for the fixture scripts beside this file to record in the
fixtures they write: the large products' summation order is that BLAS kernel's."""


def numpy_blas():
    """Each BLAS pool numpy loaded, as 'API version kernel', or why it cannot be told."""
    try:
        import threadpoolctl
        return ", ".join(f"{pool['internal_api']} {pool['version']} {pool.get('architecture')}"
                         for pool in threadpoolctl.threadpool_info())
    except ImportError:
        return "unknown (pip install threadpoolctl)"
