export { openRealtimeSocket, type RealtimeSocketOptions } from './realtime-socket';
