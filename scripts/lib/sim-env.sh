# Points Safeguard at the cloud simulator through configuration only (the same variables that point it
# at real AWS and Azure in production). Source after setting SIM_PORT.
# shellcheck shell=bash
export SIM_PORT="${SIM_PORT:-4566}"
export SIM_HTTPS_PORT="${SIM_HTTPS_PORT:-$((SIM_PORT + 1))}"
export SIM_URL="http://127.0.0.1:$SIM_PORT"
export SIM_TLS_DIR="${SIM_TLS_DIR:-$ROOT/.data/sim-tls}"
# Safeguard's platform identity, as the AWS SDK's default provider chain reads it.
export AWS_ENDPOINT_URL="$SIM_URL" AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_ACCESS_KEY_ID="${SIM_PLATFORM_ACCESS_KEY_ID:-AKIASAFEGUARDSIMPLAT}"
export AWS_SECRET_ACCESS_KEY="${SIM_PLATFORM_SECRET_ACCESS_KEY:-safeguard/sim/platform/secret/key/0000000}"
export SIM_PLATFORM_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID" SIM_PLATFORM_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY"
# Entra ID (MSAL only talks https), ARM, Microsoft Graph and the Key Vault data plane (every vault under
# /keyvault/{vault host}); the worker trusts the simulator's self-signed certificate.
export SAFEGUARD_AZURE_AUTHORITY_HOST="https://127.0.0.1:$SIM_HTTPS_PORT"
export SAFEGUARD_AZURE_ARM_ENDPOINT="https://127.0.0.1:$SIM_HTTPS_PORT"
export SAFEGUARD_AZURE_GRAPH_ENDPOINT="https://127.0.0.1:$SIM_HTTPS_PORT"
export SAFEGUARD_AZURE_KEYVAULT_ENDPOINT="https://127.0.0.1:$SIM_HTTPS_PORT/keyvault"
sim_ca_cert() { echo "$SIM_TLS_DIR/cert.pem"; }
