# One image for web and worker (the command differs). Migrations: `npm run db:migrate` as a one-off.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
COPY apps ./apps
COPY packages ./packages
COPY prisma ./prisma
COPY tools ./tools
COPY scripts ./scripts
COPY e2e/package.json ./e2e/package.json
COPY prisma.config.ts tsconfig.base.json turbo.json ./
RUN npm ci && bash scripts/prisma.sh generate && npm run build -w @safeguard/web
EXPOSE 3000
