// The big screen's tRPC endpoint, under /screen so the kiosk cookie (scoped to that
// path) reaches it: server/kiosk/http.ts.
import { handleScreenTrpcRequest } from '~/server/kiosk/http';

export const dynamic = 'force-dynamic';

export { handleScreenTrpcRequest as GET, handleScreenTrpcRequest as POST };
