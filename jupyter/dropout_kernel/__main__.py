"""`python -m dropout_kernel -f CONNECTION_FILE`: what the kernelspec starts."""

from ipykernel.kernelapp import IPKernelApp

from .kernel import DropoutKernel

IPKernelApp.launch_instance(kernel_class=DropoutKernel)
